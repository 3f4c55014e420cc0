using ChannelBot.Domain.Cases;

namespace ChannelBot.Domain.Tests.Cases;

public class CaseStatusMappingTests
{
    [Theory]
    [InlineData(CaseStatus.Received, Open311Status.Open, "received")]
    [InlineData(CaseStatus.Acknowledged, Open311Status.Open, "acknowledged")]
    [InlineData(CaseStatus.Scheduled, Open311Status.Open, "scheduled")]
    [InlineData(CaseStatus.InProgress, Open311Status.Open, "in_progress")]
    [InlineData(CaseStatus.Fixed, Open311Status.Closed, "fixed")]
    [InlineData(CaseStatus.Closed, Open311Status.Closed, "closed")]
    [InlineData(CaseStatus.Reopened, Open311Status.Open, "reopened")]
    public void Every_status_maps_to_open311_and_has_a_snake_case_code(CaseStatus status, Open311Status open311, string code)
    {
        Assert.Equal(open311, status.ToOpen311Status());
        Assert.Equal(code, status.ToCode());
    }
}
