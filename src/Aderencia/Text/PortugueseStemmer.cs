using System.Runtime.CompilerServices;

namespace Aderencia.Text;

/// <summary>
/// The Snowball Portuguese stemmer (snowballstem.org/algorithms/portuguese), written from the published
/// algorithm. Input: one lower-case word WITH its accents (as Snowball expects: "ação", "ciência");
/// fold accents after stemming. Words longer than <see cref="MaxWordLength"/> chars are returned unchanged.
/// Allocation-free: works in a stack buffer where ã/õ become "a~"/"o~" as the algorithm prescribes.
/// </summary>
[SkipLocalsInit]
public static class PortugueseStemmer
{
    /// <summary>Longest word that is stemmed; longer ones are copied unchanged.</summary>
    public const int MaxWordLength = 64;

    private const byte DeleteR2 = 1, Log = 2, U = 3, Ente = 4, Amente = 5, Mente = 6, Idade = 7, Iva = 8, Ira = 9;

    private static readonly SuffixSet Step1 = new(
        ("eza ezas ico ica icos icas ismo ismos ável ível ista istas oso osa osos osas amento amentos imento imentos " +
         "adora ador aça~o adoras adores aço~es ante antes ância", DeleteR2),
        ("logia logias", Log),
        ("uça~o uço~es", U),
        ("ência ências", Ente),
        ("amente", Amente),
        ("mente", Mente),
        ("idade idades", Idade),
        ("iva ivo ivas ivos", Iva),
        ("ira iras", Ira));

    private static readonly SuffixSet Step2 = new((
        "ada ida ia aria eria iria ará ara erá era irá ava asse esse isse aste este iste ei arei erei irei am iam " +
        "ariam eriam iriam aram eram iram avam em arem erem irem assem essem issem ado ido ando endo indo ara~o " +
        "era~o ira~o ar er ir as adas idas ias arias erias irias arás aras erás eras irás avas es ardes erdes irdes " +
        "ares eres ires asses esses isses astes estes istes is ais eis íeis aríeis eríeis iríeis áreis areis éreis " +
        "ereis íreis ireis ásseis ésseis ísseis áveis ados idos ámos amos íamos aríamos eríamos iríamos áramos " +
        "éramos íramos ávamos emos aremos eremos iremos ássemos êssemos íssemos imos armos ermos irmos eu iu ou " +
        "ira iras", 1));

    private static readonly SuffixSet AmenteFollow = new(("iv os ic ad", 1));
    private static readonly SuffixSet MenteFollow = new(("ante avel ível", 1));
    private static readonly SuffixSet IdadeFollow = new(("abil ic iv", 1));
    private static readonly SuffixSet Residual = new(("os a i o á í ó", 1));

    /// <summary>Stem of <paramref name="word"/> (allocates; for tests and debugging).</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > MaxWordLength) return word;
        Span<char> buffer = stackalloc char[word.Length];
        return new string(buffer[..Stem(word, buffer)]);
    }

    /// <summary>
    /// Writes the stem of <paramref name="word"/> to <paramref name="destination"/> (at least as long as the
    /// word; the stem is never longer) and returns its length.
    /// </summary>
    public static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (destination.Length < word.Length)
            throw new ArgumentException($"Destination of {destination.Length} chars is shorter than the word ({word.Length}).", nameof(destination));
        if (word.Length > MaxWordLength)
        {
            word.CopyTo(destination);
            return word.Length;
        }

        Span<char> b = stackalloc char[MaxWordLength * 2];
        int n = 0;
        foreach (char c in word)
        {
            if (c == 'ã') { b[n++] = 'a'; b[n++] = '~'; }
            else if (c == 'õ') { b[n++] = 'o'; b[n++] = '~'; }
            else b[n++] = c;
        }

        var r = new Regions(b[..n]);
        if (StandardSuffix(b, ref n, r) || VerbSuffix(b, ref n, r))
        {
            if (n >= 2 && b[n - 1] == 'i' && b[n - 2] == 'c' && n - 1 >= r.V) n--;
        }
        else
        {
            int len = Residual.Longest(b[..n], r.V, out _);
            n -= len;
        }
        ResidualForm(b, ref n, r);

        int w = 0;
        for (int i = 0; i < n; i++)
        {
            char c = b[i];
            if (i + 1 < n && b[i + 1] == '~' && c is 'a' or 'o')
            {
                destination[w++] = c == 'a' ? 'ã' : 'õ';
                i++;
            }
            else
            {
                destination[w++] = c;
            }
        }
        return w;
    }

    private static bool StandardSuffix(Span<char> b, ref int n, in Regions r)
    {
        int len = Step1.Longest(b[..n], 0, out byte action);
        if (len == 0) return false;
        int start = n - len;
        switch (action)
        {
            case DeleteR2:
                if (start < r.P2) return false;
                n = start;
                return true;
            case Log:
                if (start < r.P2) return false;
                n = start + 3;
                return true;
            case U:
                if (start < r.P2) return false;
                n = start + 1;
                return true;
            case Ente:
                if (start < r.P2) return false;
                "ente".CopyTo(b[start..]);
                n = start + 4;
                return true;
            case Amente:
                if (start < r.P1) return false;
                n = start;
                int follow = AmenteFollow.Longest(b[..n], 0, out _);
                if (follow > 0 && n - follow >= r.P2)
                {
                    bool iv = b[n - 2] == 'i' && b[n - 1] == 'v';
                    n -= follow;
                    if (iv) DeleteIfR2(b, ref n, "at", r);
                }
                return true;
            case Mente:
                if (start < r.P2) return false;
                n = start;
                DeleteLongestIfR2(b, ref n, MenteFollow, r);
                return true;
            case Idade:
                if (start < r.P2) return false;
                n = start;
                DeleteLongestIfR2(b, ref n, IdadeFollow, r);
                return true;
            case Iva:
                if (start < r.P2) return false;
                n = start;
                DeleteIfR2(b, ref n, "at", r);
                return true;
            default: // Ira: replace with "ir" if in RV and preceded by 'e'
                if (start < r.V || start < 1 || b[start - 1] != 'e') return false;
                n = start + 2;
                return true;
        }
    }

    private static bool VerbSuffix(Span<char> b, ref int n, in Regions r)
    {
        int len = Step2.Longest(b[..n], r.V, out _);
        n -= len;
        return len > 0;
    }

    private static void ResidualForm(Span<char> b, ref int n, in Regions r)
    {
        if (n == 0) return;
        char last = b[n - 1];
        if (last == 'ç')
        {
            b[n - 1] = 'c';
        }
        else if (last is 'e' or 'é' or 'ê' && n - 1 >= r.V)
        {
            n--;
            if (n >= 2 && (b[n - 1] == 'u' && b[n - 2] == 'g' || b[n - 1] == 'i' && b[n - 2] == 'c') && n - 1 >= r.V)
                n--;
        }
    }

    private static void DeleteIfR2(Span<char> b, ref int n, string suffix, in Regions r)
    {
        if (b[..n].EndsWith(suffix) && n - suffix.Length >= r.P2) n -= suffix.Length;
    }

    private static void DeleteLongestIfR2(Span<char> b, ref int n, SuffixSet set, in Regions r)
    {
        int len = set.Longest(b[..n], 0, out _);
        if (len > 0 && n - len >= r.P2) n -= len;
    }

    /// <summary>RV, R1 and R2 start positions as defined by Snowball (the word length when empty).</summary>
    private readonly struct Regions
    {
        public readonly int V, P1, P2;

        public Regions(ReadOnlySpan<char> w)
        {
            int n = w.Length;
            V = n;
            if (n >= 2)
            {
                if (IsVowel(w[0]))
                {
                    int j = IsVowel(w[1]) ? NextNonVowel(w, 2) : NextVowel(w, 2);
                    if (j >= 0) V = j + 1;
                }
                else if (IsVowel(w[1]))
                {
                    V = Math.Min(3, n);
                }
                else
                {
                    int j = NextVowel(w, 2);
                    if (j >= 0) V = j + 1;
                }
            }
            P1 = RegionAfter(w, 0);
            P2 = RegionAfter(w, P1);
        }

        private static int RegionAfter(ReadOnlySpan<char> w, int from)
        {
            int v = NextVowel(w, from);
            if (v < 0) return w.Length;
            int c = NextNonVowel(w, v + 1);
            return c < 0 ? w.Length : c + 1;
        }

        private static int NextVowel(ReadOnlySpan<char> w, int from)
        {
            for (int i = from; i < w.Length; i++)
                if (IsVowel(w[i])) return i;
            return -1;
        }

        private static int NextNonVowel(ReadOnlySpan<char> w, int from)
        {
            for (int i = from; i < w.Length; i++)
                if (!IsVowel(w[i])) return i;
            return -1;
        }

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'â' or 'ê' or 'ô';
    }
}
