using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction.Ocr;
using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Tests.Corpus;

/// <summary>The OCR queue's progress file in the index folder follows the queue: present while files wait or are read,
/// gone once the queue is idle — also at the moment a caller's wait for the queue returns.</summary>
public sealed class OcrQueueProgressFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-ocr-progress-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void When_waiting_for_the_queue_returns_the_progress_file_is_already_gone()
    {
        using var queue = new BackgroundOcr((job, progress, _) => progress.Report(new OcrProgress(job.Pages, job.Pages, job.Pages)), new OcrProgressFile(_folder), enabled: true);
        var file = Path.Combine(_folder, OcrProgressFile.FileName);

        // The worker marks a job done a moment before it deletes the file; many short jobs make that moment likely.
        for (var i = 0; i < 200; i++)
        {
            queue.Enqueue(Job($"skannad-{i}.pdf"));
            queue.WaitUntilIdle(null, CancellationToken.None);

            Assert.False(File.Exists(file), $"The progress file was still there after job {i}.");
        }
    }

    [Fact]
    public void A_job_being_read_is_shown_to_other_processes_and_a_cancelled_waiting_job_is_taken_off()
    {
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        using var queue = new BackgroundOcr((_, _, token) =>
        {
            started.Set();
            release.Wait(token);
        }, new OcrProgressFile(_folder), enabled: true);

        queue.Enqueue(Job("forsta.pdf"));
        queue.Enqueue(Job("andra.pdf"));
        started.Wait(TimeSpan.FromSeconds(30));
        queue.Cancel("andra.pdf");

        var shown = new OcrProgressFile(_folder).Read();
        Assert.Equal(["forsta.pdf"], shown.Select(f => f.Path));
        Assert.False(shown.Single().Progress.Waiting);

        release.Set();
        queue.WaitUntilIdle(null, CancellationToken.None);
        Assert.Empty(new OcrProgressFile(_folder).Read());
    }

    private static OcrJob Job(string path) => new(path, new FileFingerprint(1, 1, path), "meta", Pages: 2);
}
