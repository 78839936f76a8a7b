using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Corpus;
using Microsoft.Data.Sqlite;

namespace Kunskapsbank.Indexer.Tests.Index;

public sealed class IndexStoreTests
{
    [Fact]
    public void Open_CreatesTheIndexFolderAndFile()
    {
        using var corpus = new TestCorpus();

        _ = corpus.Index;

        Assert.True(File.Exists(corpus.IndexPath));
    }

    [Fact]
    public void Open_OlderSchemaVersion_RebuildsAndTheNextSyncRefills()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.Sync();
        corpus.Reopen();
        SetSchemaVersion(corpus.IndexPath, 0);

        Assert.True(corpus.Index.WasRebuilt);
        Assert.Equal(0, corpus.Search("kvinnojour").Total);
        Assert.Equal(1, corpus.Sync().Indexed);
        Assert.Equal(1, corpus.Search("kvinnojour").Total);
    }

    [Fact]
    public void Open_DatabaseWhoseCreationWasCutOff_IsCreatedAsNew()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        // What a kill between "PRAGMA journal_mode=WAL" and the schema's commit leaves behind: a valid, empty database.
        Directory.CreateDirectory(Path.GetDirectoryName(corpus.IndexPath)!);
        using (var connection = new SqliteConnection($"Data Source={corpus.IndexPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }

        Assert.Equal(1, corpus.Sync().Indexed);
        Assert.Equal(1, corpus.Search("kvinnojour").Total);
    }

    [Fact]
    public void Open_NewerSchemaVersion_IsRefusedAndLeftUntouched()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.Sync();
        corpus.Reopen();
        SetSchemaVersion(corpus.IndexPath, 999);

        var error = Assert.Throws<InvalidDataException>(() => corpus.Index);

        Assert.Contains("nyare version", error.Message, StringComparison.Ordinal);
        Assert.True(new FileInfo(corpus.IndexPath).Length > 10_000);
    }

    [Fact]
    public void Open_FileThatIsNotAnIndex_IsRefusedAndLeftUntouched()
    {
        using var corpus = new TestCorpus();
        Directory.CreateDirectory(Path.GetDirectoryName(corpus.IndexPath)!);
        File.WriteAllText(corpus.IndexPath, "Ett viktigt dokument som inte är en databas.");

        var error = Assert.Throws<InvalidDataException>(() => corpus.Index);

        Assert.Contains("inte ett Kunskapsbank-index", error.Message, StringComparison.Ordinal);
        Assert.Equal("Ett viktigt dokument som inte är en databas.", File.ReadAllText(corpus.IndexPath));
    }

    [Fact]
    public void Index_AfterSyncing_PassesSqliteAndFts5IntegrityChecks()
    {
        using var corpus = new TestCorpus();
        for (var i = 0; i < 20; i++)
        {
            corpus.WriteMarkdown($"d{i}.md", $"Dokument {i}", $"## Del {i}\n\nVåld i nära relationer, §{i} 1982:316 och åäö.\n\n## Mer\n\nSkolan.");
        }

        corpus.Sync();
        File.Delete(corpus.FullPath("d3.md"));
        corpus.WriteMarkdown("d4.md", "Ändrad", "Ny text.");
        File.SetLastWriteTimeUtc(corpus.FullPath("d4.md"), DateTime.UtcNow.AddMinutes(1));
        corpus.Sync();

        Assert.Empty(corpus.Index.Store.CheckIntegrity());
    }

    [Theory]
    [InlineData("våld")]
    [InlineData("1982:316")]
    [InlineData("2022/23:34")]
    [InlineData("§")]
    public void Encode_TermsOfTheAnalysisAlphabet_StayUnchanged(string term)
    {
        Assert.Equal(term, FtsTerm.Encode(term));
    }

    [Fact]
    public void Encode_OtherCharacters_BecomeOneSafeToken()
    {
        var encoded = FtsTerm.Encode("a\"b c*d");

        Assert.DoesNotContain('"', encoded);
        Assert.DoesNotContain(' ', encoded);
        Assert.DoesNotContain('*', encoded);
    }

    [Fact]
    public void Search_SwedishLettersAreNotFolded()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("far.md", "A", "Min far kom hem.");
        corpus.WriteMarkdown("får.md", "B", "Ett får på ängen.");
        corpus.Sync();

        Assert.Equal(["får.md"], corpus.Paths("får"));
        Assert.Equal(["far.md"], corpus.Paths("far"));
    }

    [Fact]
    public void Search_LegalReferences_AreFoundWhole()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Enligt socialtjänstlagen (2001:453) och 14 kap. 1 § ska anmälan göras.");
        corpus.WriteMarkdown("b.md", "B", "År 2001 och 453 personer.");
        corpus.Sync();

        Assert.Equal(["a.md"], corpus.Paths("2001:453"));
        Assert.Equal(["a.md"], corpus.Paths("\"14 kap. 1 §\""));
    }

    private static void SetSchemaVersion(string indexPath, int version)
    {
        using var connection = new SqliteConnection($"Data Source={indexPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE meta SET value = $version WHERE key = 'schema_version'";
        command.Parameters.AddWithValue("$version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }
}
