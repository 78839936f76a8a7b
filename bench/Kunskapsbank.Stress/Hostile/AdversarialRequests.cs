using System.Text;

namespace Kunskapsbank.Stress.Hostile;

/// <summary>Seeded random and adversarial requests: query syntax, bad parameters, traversal in document ids, odd methods.</summary>
public sealed class AdversarialRequests(int seed, IReadOnlyList<long> knownDocumentIds)
{
    private static readonly string[] QueryPieces =
    [
        "\"", "\"\"", "(", ")", "((((", "))))", "*", "**", "-", "--", "+", "^", ":", "NEAR(", "NEAR(våld barn, 2)", "NEAR(a b",
        "AND", "OR", "NOT", "and", "or", "title:", "body:", "{title body}:", "\"obalanserad", "våld OR", "OR barn", "-våld",
        "våld*", "*våld", "v*", "a\"b", "'", "''", ";", "/*", "*/", "DROP TABLE documents;", "1=1", "\\", "\\\"", "%", "_",
        "$", "@", "#", "§", "4 kap. 4 a §", "\u0000", "\u0001", "\u001F", "\u007F", "\t", "\n", "\r\n", "\u200B", "\u202E",
        "\uFEFF", "😀", "👩🏽‍🚒", "🏳️‍🌈", "مرحبا بالعالم", "שלום", "våld", "barn", "hedersrelaterat våld", "va\u030Ald",
        "ǅ", "ß", "İ", "ﬁ", "<script>alert(1)</script>", "<mark>", "&amp;", "${jndi:ldap://x}", "../../etc/passwd",
        "C:\\Windows\\win.ini", "%s%s%s%n", "{0}", "\u0085", "\u2028", "ᚠᛇᚻ", "漢字", "∑∫", "NULL", "null", "undefined",
        "rowid", "rank", "bm25(", "highlight(", "MATCH", "'; --", "\"våld\"*", "våld -", "- -", "\"\" OR \"\"",
    ];

    // Percent-encoded byte sequences that are not valid UTF-8 or are otherwise malformed.
    private static readonly string[] RawEncodedPieces = ["%00", "%zz", "%", "%ED%A0%80", "%FF%FE", "%C0%AF", "%E2%80", "%F4%90%80%80", "%25", "%u0041"];

    private static readonly string[] NumberValues =
    [
        "-1", "0", "1", "2", "3", "100", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e3", "abc",
        "", "NaN", "0x10", "١", " 1", "1.5", "-0", "+5", "1000000", "%00", "1%00",
    ];

    private static readonly string[] FacetParameters = ["malgrupp", "amne", "yrkesgrupp", "dokumenttyp", "ar"];

    private static readonly string[] FacetValues =
    [
        "unga", "aldre", "hedersrelaterat-vald", "socialtjanst", "okand-varde", "", "../../", "<script>", "UNGA", "unga ",
        "2020", "-1", "99999999999", "abc", "\u0000", "😀", "a,b", "unga,aldre", new string('x', 500),
    ];

    private static readonly string[] OddParameters = ["foo", "q[]", "Q", "__proto__", "malgrupp[]", "constructor", "page[]", "sort", "$filter", "callback", "explain", "format"];

    private static readonly string[] DocumentIds =
    [
        "-1", "0", "9223372036854775807", "9223372036854775808", "99999999999999999999999", "abc", "1.0", "1e3", "%20",
        "..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..%5c..%5cwindows%5cwin.ini", "%252e%252e%252f%252e%252e%252fetc%252fpasswd", "....%2f%2f....%2f%2fetc%2fpasswd",
        "1%00", "%00", "1%2f..%2f..%2f", "~root", ".%2e%2f.%2e%2fetc%2fpasswd", "%c0%ae%c0%ae%c0%af", "0x1", "%D9%A1",
        "1;rm%20-rf", "1'", "1%22", "%3Cx%3E", "%2fetc%2fpasswd", "C:%5cwindows%5cwin.ini", "%u002e%u002e", "1%0d%0aX-Injected:%20ja",
        "..%00", "%2e", "%2f", "corpus%2f..%2f..%2fetc%2fpasswd", "1%2e..%2f",
    ];

    private static readonly string[] RawTraversalTargets =
    [
        "/api/documents/../../etc/passwd", "/api/documents/1/../../../../etc/passwd", "/api/documents//etc/passwd/file",
        "/api/documents/%2F..%2F..%2Fetc%2Fpasswd/file", "/api/documents/1/file/../../../../etc/passwd",
        "/api/documents/..%2f..%2f..%2fetc%2fpasswd/file", "/../../../../etc/passwd", "/api/../../etc/passwd",
        "/api/documents/1/file?path=../../etc/passwd", "/api/documents/1/file?path=/etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        "/api/documents/\\..\\..\\etc\\passwd/file", "/api/search/../../../etc/passwd", "//etc/passwd", "/api/documents/1/file/",
        "/api/documents/1%2ffile", "/corpus/../etc/passwd", "/data/index/segments.gen", "/api/documents/1/file#../../etc/passwd",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The next request.</summary>
    public RawRequest Next()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 35 => Search(),
            < 45 => SearchParameters(),
            < 55 => Suggest(),
            < 70 => Document(file: false),
            < 82 => Document(file: true),
            < 87 => Raw(RawTraversalTargets[_random.Next(RawTraversalTargets.Length)], "traversering"),
            < 91 => Analyze(),
            < 96 => OddMethodOrAdmin(),
            _ => Raw("/api/search?q=" + Encode(LongQuery()), "lång fråga"),
        };
    }

    private RawRequest Search()
    {
        var query = new StringBuilder("/api/search?q=").Append(RandomQueryEncoded());
        if (_random.Next(3) == 0)
        {
            query.Append("&page=").Append(Encode(Pick(NumberValues)));
        }

        if (_random.Next(3) == 0)
        {
            query.Append("&pageSize=").Append(Encode(Pick(NumberValues)));
        }

        if (_random.Next(3) == 0)
        {
            query.Append('&').Append(Pick(FacetParameters)).Append('=').Append(Encode(Pick(FacetValues)));
        }

        return Raw(query.ToString(), "sökfråga");
    }

    private RawRequest SearchParameters()
    {
        var query = new StringBuilder("/api/search?");
        var count = _random.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                query.Append('&');
            }

            switch (_random.Next(7))
            {
                case 0:
                    query.Append("q=").Append(RandomQueryEncoded());
                    break;
                case 1:
                    query.Append("page=").Append(Encode(Pick(NumberValues)));
                    break;
                case 2:
                    query.Append("pageSize=").Append(Encode(Pick(NumberValues)));
                    break;
                case 3:
                    query.Append("sort=").Append(Encode(Pick(["relevans", "nyast", "x", string.Empty, "RELEVANS", "1", "nyast;drop"])));
                    break;
                case 4:
                    query.Append(Pick(OddParameters)).Append('=').Append(Encode(Pick(FacetValues)));
                    break;
                case 5:
                    query.Append('q');
                    break;
                default:
                    query.Append(Pick(FacetParameters)).Append('=').Append(Encode(Pick(FacetValues)));
                    break;
            }
        }

        return Raw(query.ToString(), "parametrar");
    }

    private RawRequest Suggest() => Raw("/api/suggest?q=" + RandomQueryEncoded() + (_random.Next(4) == 0 ? "&q=" + RandomQueryEncoded() : string.Empty), "förslag");

    private RawRequest Analyze() => Raw("/api/analyze?text=" + RandomQueryEncoded(), "analys");

    private RawRequest Document(bool file)
    {
        string id;
        if (knownDocumentIds.Count > 0 && _random.Next(5) == 0)
        {
            // A real id with something appended: the route must not resolve it to a path.
            id = knownDocumentIds[_random.Next(knownDocumentIds.Count)] + Pick(["", "%00", "%2f..%2f..%2fetc%2fpasswd", ".pdf", "%20", "/..", "?x=1"]);
        }
        else
        {
            id = Pick(DocumentIds);
        }

        return Raw("/api/documents/" + id + (file ? "/file" : string.Empty), file ? "dokumentfil" : "dokument");
    }

    private RawRequest OddMethodOrAdmin()
    {
        var headers = new List<KeyValuePair<string, string>>();
        var roll = _random.Next(8);
        if (roll < 3)
        {
            headers.Add(new("X-Api-Key", Pick(["", "fel", "' OR 1=1 --", new string('k', 2000), "null"])));
        }

        var target = Pick(["/api/admin/report", "/api/admin/reindex", "/api/admin/gaps", "/api/search?q=v%C3%A5ld", "/api/documents/1", "/api/facets", "/health/ready"]);
        var method = roll switch
        {
            0 or 1 => "POST",
            2 => "GET",
            3 => "PUT",
            4 => "DELETE",
            5 => "OPTIONS",
            6 => "HEAD",
            _ => "PATCH",
        };
        var body = method is "POST" or "PUT" or "PATCH" ? Encoding.UTF8.GetBytes(Pick(["{", "{\"q\":null}", "<xml/>", "\u0000\u0001", "[]"])) : null;
        if (body is not null)
        {
            headers.Add(new("Content-Type", Pick(["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])));
        }

        return new RawRequest("metod/admin", method, Encoding.ASCII.GetBytes(target), headers, body);
    }

    private string LongQuery()
    {
        var length = Pick([2_000, 6_000, 20_000]);
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(Pick(QueryPieces)).Append(' ');
        }

        return text.ToString(0, length);
    }

    private string RandomQueryEncoded()
    {
        var text = new StringBuilder();
        var pieces = _random.Next(1, 6);
        for (var i = 0; i < pieces; i++)
        {
            if (_random.Next(8) == 0)
            {
                text.Append(Pick(RawEncodedPieces));
            }
            else if (_random.Next(6) == 0)
            {
                text.Append(Encode(RandomCharacters(_random.Next(1, 12))));
            }
            else
            {
                text.Append(Encode(Pick(QueryPieces)));
            }

            if (_random.Next(2) == 0)
            {
                text.Append("%20");
            }
        }

        return text.ToString();
    }

    private string RandomCharacters(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var c = (char)_random.Next(_random.Next(3) == 0 ? 0x10000 : 0x250);
            if (!char.IsSurrogate(c))
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static RawRequest Raw(string target, string category) => new(category, "GET", Encoding.ASCII.GetBytes(target), []);

    // Every byte outside the unreserved set is percent-encoded, so the bytes the server decodes are exactly the string's UTF-8.
    private static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
