namespace ChannelBot.Application.Photos;

/// <summary>Where the city's copies of residents' photos are kept, outside the database.</summary>
public interface IPhotoStore
{
    /// <summary>Saves one photo of a case and returns the path it is kept under (the store's own key).</summary>
    Task<string> SaveAsync(Guid caseId, int number, string contentType, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored photo for reading, or null when it is not there.</summary>
    Stream? OpenRead(string storedPath);

    /// <summary>Deletes a stored photo (nothing happens when it is not there).</summary>
    void Delete(string storedPath);
}
