using BffReference.Api.Options;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Attachments;

/// <summary>
/// The files, under the data folder: {root}/{account}/{goal}/{attachment}, all
/// ids, so no name a client sends ever becomes part of a path. A body streams
/// into {root}/.incoming first and moves into place only once it passed every
/// check; a refused or broken upload leaves nothing behind.
/// </summary>
public sealed class AttachmentStorage(IOptions<UploadOptions> options, IHostEnvironment environment)
{
    private const int BufferSize = 81_920;

    public string Root { get; } = Path.GetFullPath(options.Value.StoragePath, environment.ContentRootPath);

    private string Incoming => Path.Combine(Root, ".incoming");

    public IncomingFile CreateIncoming()
    {
        Directory.CreateDirectory(Incoming);
        var path = Path.Combine(Incoming, Guid.NewGuid().ToString("N"));
        return new IncomingFile(this, path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous));
    }

    public FileStream? OpenRead(Guid accountId, Guid goalId, Guid attachmentId)
    {
        var path = Path.Combine(GoalDirectory(accountId, goalId), attachmentId.ToString("N"));
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous) : null;
    }

    /// <summary>A deleted goal's files; its rows went with it (cascade).</summary>
    public void DeleteGoal(Guid accountId, Guid goalId) => DeleteDirectory(GoalDirectory(accountId, goalId));

    /// <summary>Evicted accounts' files; their rows went with them (cascade).</summary>
    public void DeleteAccounts(IEnumerable<Guid> accountIds)
    {
        foreach (var id in accountIds) DeleteDirectory(Path.Combine(Root, id.ToString("N")));
    }

    /// <summary>A new, empty database knows no files: whatever a previous process left is removed.</summary>
    public void DeleteAll() => DeleteDirectory(Root);

    private string GoalDirectory(Guid accountId, Guid goalId) => Path.Combine(Root, accountId.ToString("N"), goalId.ToString("N"));

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    internal void Keep(string incomingPath, Guid accountId, Guid goalId, Guid attachmentId)
    {
        var directory = GoalDirectory(accountId, goalId);
        Directory.CreateDirectory(directory);
        File.Move(incomingPath, Path.Combine(directory, attachmentId.ToString("N")));
    }
}

/// <summary>An upload being written. Disposing it deletes the file unless it was kept.</summary>
public sealed class IncomingFile(AttachmentStorage storage, string path, FileStream stream) : IAsyncDisposable
{
    private bool _kept;

    public FileStream Stream => stream;

    public async Task KeepAsync(Guid accountId, Guid goalId, Guid attachmentId)
    {
        await stream.DisposeAsync();
        storage.Keep(path, accountId, goalId, attachmentId);
        _kept = true;
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        if (!_kept) File.Delete(path);
    }
}
