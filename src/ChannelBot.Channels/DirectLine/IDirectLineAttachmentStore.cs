namespace ChannelBot.Channels.DirectLine;

/// <summary>Where files residents upload through Direct Line are kept until the bot (and the photo copier) fetch them.</summary>
internal interface IDirectLineAttachmentStore
{
    /// <summary>Keeps a file; returns its id (unguessable: the id is the only key to the file's URL).</summary>
    Task<string> SaveAsync(string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The file, or null when there is none with that id.</summary>
    DirectLineStoredFile? Open(string fileId);

    /// <summary>Deletes files stored before <paramref name="cutoff"/>; returns how many.</summary>
    int DeleteOlderThan(DateTimeOffset cutoff);
}
