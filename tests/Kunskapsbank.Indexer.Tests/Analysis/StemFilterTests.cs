using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class StemFilterTests
{
    private static readonly StemFilter Filter = new(StemOverrides.Load());

    [Theory]
    [InlineData("heder", "hed")]
    [InlineData("hedern", "heden")]
    [InlineData("myndighet", "myndig")]
    [InlineData("myndigheten", "myndiga")]
    [InlineData("lagret", "lagen")]
    [InlineData("hets", "het")]
    [InlineData("moder", "mod")]
    [InlineData("män", "man")]
    [InlineData("våld", "vålla")]
    [InlineData("får", "far")]
    public void Overrides_keep_unrelated_words_apart(string a, string b) => Assert.NotEqual(Filter.Stem(a), Filter.Stem(b));

    [Theory]
    [InlineData("heder", "hedern")]
    [InlineData("barn", "barnet")]
    [InlineData("barn", "barnen")]
    [InlineData("barn", "barns")]
    [InlineData("kvinna", "kvinnan")]
    [InlineData("kvinna", "kvinnor")]
    [InlineData("kvinnor", "kvinnorna")]
    [InlineData("utsatt", "utsatta")]
    [InlineData("våld", "våldet")]
    [InlineData("brott", "brottet")]
    [InlineData("offer", "offret")]
    [InlineData("förälder", "föräldrar")]
    [InlineData("vårdnad", "vårdnaden")]
    [InlineData("anmäla", "anmälan")]
    [InlineData("myndighet", "myndigheterna")]
    [InlineData("flicka", "flickan")]
    [InlineData("samtycke", "samtycket")]
    [InlineData("insats", "insatsen")]
    [InlineData("insats", "insatser")]
    [InlineData("umgänge", "umgänget")]
    public void Stems_merge_forms_of_one_word(string a, string b) => Assert.Equal(Filter.Stem(a), Filter.Stem(b));

    [Fact]
    public void Stem_filter_leaves_numbers_and_references_alone()
    {
        Token[] tokens = [new("1982:316", "1982:316", 0, 8, 0), new("§", "§", 9, 10, 1), new("4a", "4a", 11, 13, 2)];
        Assert.Equal(["1982:316", "§", "4a"], Filter.Apply(tokens, "1982:316 § 4a").Select(t => t.Term));
    }

    [Fact]
    public void Every_override_line_is_applied()
    {
        var lines = OverrideLines().ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal(line.Stem, Filter.Stem(line.Form)));
    }

    private static List<(string Form, string Stem)> OverrideLines()
    {
        var assembly = typeof(StemOverrides).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("stem-overrides.tsv", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var result = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var fields = line.Split('\t');
                result.Add((fields[0], fields[1]));
            }
        }

        return result;
    }
}
