using Kunskapsbank.Api.Watching;
using Microsoft.Extensions.Time.Testing;

namespace Kunskapsbank.Api.Tests.Watching;

/// <summary>The quiet period runs on a fake clock, so a busy test machine cannot stretch or shrink it.</summary>
public sealed class PendingChangesTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);
    private readonly string _folder = Directory.CreateTempSubdirectory("kunskapsbank-pending-").FullName;
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task A_file_settles_once_it_has_been_quiet_and_unchanged()
    {
        var queue = new PendingChanges(Quiet, _clock);
        var path = Path.Combine(_folder, "a.md");
        await File.WriteAllTextAsync(path, "hej");
        queue.Add(path);

        Assert.Empty(queue.TakeSettled());
        _clock.Advance(Quiet * 1.5);
        Assert.Equal([path], queue.TakeSettled());
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_file_that_grew_after_its_last_event_waits_for_another_quiet_period()
    {
        var queue = new PendingChanges(Quiet, _clock);
        var path = Path.Combine(_folder, "b.md");
        await File.WriteAllTextAsync(path, "del 1");
        queue.Add(path);
        await File.AppendAllTextAsync(path, " och del 2 som skrevs utan händelse");
        _clock.Advance(Quiet * 1.5);

        Assert.Empty(queue.TakeSettled());
        _clock.Advance(Quiet * 1.5);
        Assert.Equal([path], queue.TakeSettled());
    }

    [Fact]
    public async Task Many_events_on_one_path_hand_it_out_once()
    {
        var queue = new PendingChanges(Quiet, _clock);
        var path = Path.Combine(_folder, "c.md");
        for (var i = 0; i < 20; i++)
        {
            await File.AppendAllTextAsync(path, $"rad {i}\n");
            queue.Add(path);
        }

        _clock.Advance(Quiet * 1.5);
        Assert.Single(queue.TakeSettled());
        Assert.Empty(queue.TakeSettled());
    }

    [Fact]
    public void A_deleted_path_settles_after_the_quiet_period()
    {
        var queue = new PendingChanges(Quiet, _clock);
        var path = Path.Combine(_folder, "borta.md");
        queue.Add(path);
        _clock.Advance(Quiet * 1.5);
        Assert.Equal([path], queue.TakeSettled());
    }

    [Fact]
    public async Task A_folder_waits_while_files_under_it_keep_changing()
    {
        var queue = new PendingChanges(Quiet, _clock);
        var folder = Path.Combine(_folder, "ny-mapp");
        Directory.CreateDirectory(folder);
        queue.Add(folder);
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(Quiet / 2);
            var file = Path.Combine(folder, $"{i}.md");
            await File.WriteAllTextAsync(file, "text");
            queue.Add(file);
            Assert.DoesNotContain(folder, queue.TakeSettled());
        }

        _clock.Advance(Quiet * 1.5);
        Assert.Contains(folder, queue.TakeSettled());
    }

    [Theory]
    [InlineData("~$rapport.docx")]
    [InlineData(".~lock.rapport.docx#")]
    [InlineData("rapport.pdf.part")]
    [InlineData("rapport.pdf.crdownload")]
    [InlineData("rapport.tmp")]
    [InlineData("rapport.md~")]
    [InlineData(".rapport.md.swp")]
    public void Temporary_and_lock_files_are_recognised(string name) =>
        Assert.True(TemporaryFiles.IsTemporary(Path.Combine("/corpus/mapp", name)));

    [Theory]
    [InlineData("rapport.pdf")]
    [InlineData("vägledning om våld.docx")]
    [InlineData("rapport.meta.yml")]
    [InlineData("taxonomi.yml")]
    public void Documents_and_metadata_files_are_not_temporary(string name) =>
        Assert.False(TemporaryFiles.IsTemporary(Path.Combine("/corpus/mapp", name)));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

public class WatchLoopTests
{
    [Fact]
    public void A_batch_holding_a_folder_drops_the_paths_inside_it()
    {
        var batch = Kunskapsbank.Api.Watching.WatchLoop.WithoutNested(["/c/a/x.md", "/c/a", "/c/a-b/y.md", "/c/a/sub/z.md", "/c/ab.md", "/c/a"]);
        Assert.Equal(["/c/a", "/c/a-b/y.md", "/c/ab.md"], batch);
    }
}
