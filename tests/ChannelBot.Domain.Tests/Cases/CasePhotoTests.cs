using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;
using ChannelBot.Domain.Tests.Support;

namespace ChannelBot.Domain.Tests.Cases;

public class CasePhotoTests
{
    private static CasePhoto NewPhoto() => Case.Submit(Submissions.Pothole()).Photos[0];

    [Fact]
    public void A_stored_photo_knows_where_its_copy_is_and_how_big_it_is()
    {
        var photo = NewPhoto();

        photo.MarkStored("2026/03/abc.jpg", 48_213);

        Assert.Equal((PhotoStatus.Stored, "2026/03/abc.jpg", 48_213L), (photo.Status, photo.StoredPath, photo.SizeBytes));
    }

    [Fact]
    public void A_failed_photo_may_be_tried_again_and_stored()
    {
        var photo = NewPhoto();
        photo.MarkFailed("404 from the media host");
        Assert.Equal((PhotoStatus.Failed, "404 from the media host"), (photo.Status, photo.FailureReason));

        photo.MarkStored("2026/03/abc.jpg", 10);

        Assert.Equal(PhotoStatus.Stored, photo.Status);
        Assert.Null(photo.FailureReason);
    }

    [Fact]
    public void A_stored_photo_is_final()
    {
        var photo = NewPhoto();
        photo.MarkStored("2026/03/abc.jpg", 10);

        Assert.Throws<DomainException>(() => photo.MarkStored("elsewhere.jpg", 10));
        Assert.Throws<DomainException>(() => photo.MarkFailed("late failure"));
        Assert.Equal("2026/03/abc.jpg", photo.StoredPath);
    }

    [Fact]
    public void A_long_failure_reason_is_cut()
    {
        var photo = NewPhoto();

        photo.MarkFailed(new string('e', 2000));

        Assert.Equal(CasePhoto.MaxFailureReasonLength, photo.FailureReason!.Length);
    }
}
