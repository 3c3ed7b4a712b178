using System.Text;
using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Explain;

/// <summary>
/// Writes 1 to 3 Portuguese sentences that name the level and cite the evidence collected for it. Quoted keywords
/// are the theme's own; quoted words are the thesis' own (lower-cased). Nothing is cited that the pair does not contain.
/// </summary>
public static class JustificationWriter
{
    private const int MaxKeywords = 3;

    [ThreadStatic] private static StringBuilder? t_builder;

    public static string Write(AdherenceLevel level, PairEvidence e)
    {
        var sb = t_builder ??= new StringBuilder(512);
        sb.Clear().Append(level.Label()).Append(": ");
        int hits = Math.Min(MaxKeywords, e.Keywords.Count);
        var fields = FieldsOf(e.Keywords, hits);
        switch (level)
        {
            case AdherenceLevel.Alta:
                if (hits > 0)
                {
                    int start = sb.Length;
                    AppendFields(sb, fields);
                    sb[start] = char.ToUpperInvariant(sb[start]);
                    sb.Append(Verb(fields, "trata", "tratam")).Append(" de ");
                    AppendQuoted(sb, hits, i => e.Keywords[i].Keyword);
                    sb.Append(", ").Append(hits > 1 ? "termos centrais" : "termo central").Append(" do tema '").Append(e.ThemeName).Append("'.");
                }
                else if (e.TermsFor.Count > 0)
                {
                    sb.Append("o trabalho trata de ");
                    AppendQuoted(sb, e.TermsFor.Count, i => e.TermsFor[i].Surface);
                    sb.Append(", assunto próximo do tema '").Append(e.ThemeName).Append("'.");
                }
                else
                    sb.Append("o texto do trabalho é muito semelhante ao do tema '").Append(e.ThemeName).Append("'.");
                AppendSupport(sb, e, hits > 0);
                break;
            case AdherenceLevel.Media:
                sb.Append("há ligação parcial com o tema '").Append(e.ThemeName).Append('\'');
                if (hits > 0)
                {
                    sb.Append(": ");
                    AppendFields(sb, fields);
                    sb.Append(Verb(fields, "menciona", "mencionam")).Append(' ');
                    AppendQuoted(sb, hits, i => e.Keywords[i].Keyword);
                }
                else if (e.TermsFor.Count > 0)
                {
                    sb.Append(": o trabalho cita ");
                    AppendQuoted(sb, e.TermsFor.Count, i => e.TermsFor[i].Surface);
                }
                if (e.MissingKeywords.Count > 0)
                {
                    sb.Append(", mas ");
                    AppendQuoted(sb, Math.Min(2, e.MissingKeywords.Count), i => e.MissingKeywords[i]);
                    sb.Append(e.MissingKeywords.Count > 1 ? " não aparecem" : " não aparece");
                }
                sb.Append('.');
                if (e.TermsAgainst.Count > 0)
                {
                    sb.Append(" Pesam contra: ");
                    AppendQuoted(sb, Math.Min(2, e.TermsAgainst.Count), i => e.TermsAgainst[i].Surface);
                    sb.Append('.');
                }
                break;
            default:
                if (hits == 0)
                    sb.Append("nenhuma palavra-chave do tema '").Append(e.ThemeName).Append("' aparece no trabalho");
                else
                {
                    sb.Append("apenas ");
                    AppendQuoted(sb, hits, i => e.Keywords[i].Keyword);
                    sb.Append(" em comum com o tema '").Append(e.ThemeName).Append("', de forma secundária");
                }
                if (e.TermsFor.Count > 0)
                {
                    sb.Append("; o foco está em ");
                    AppendQuoted(sb, e.TermsFor.Count, i => e.TermsFor[i].Surface);
                }
                sb.Append('.');
                break;
        }
        return sb.ToString();
    }

    /// <summary>Thesis words for the level that the cited keywords do not already contain (at most two), then the strongest signal.</summary>
    private static void AppendSupport(StringBuilder sb, PairEvidence e, bool citedKeywords)
    {
        Span<int> extra = stackalloc int[2];
        int n = 0;
        for (int i = 0; i < e.TermsFor.Count && n < 2; i++)
            if (!citedKeywords || !InAnyKeyword(e.Keywords, e.TermsFor[i].Surface)) extra[n++] = i;
        if (n > 0)
        {
            sb.Append(" Também pesam ");
            var chosen = extra[..n].ToArray();
            AppendQuoted(sb, n, i => e.TermsFor[chosen[i]].Surface);
            sb.Append(' ').Append(e.TermsFor[chosen[0]].Field.InPortuguese()).Append('.');
        }
        else if (e.SignalsFor.Count > 0)
            sb.Append(" Pesa a favor: ").Append(e.SignalsFor[0].Description).Append('.');
    }

    private static bool InAnyKeyword(IReadOnlyList<KeywordHit> keywords, string word)
    {
        foreach (var h in keywords) if (h.Keyword.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The distinct fields where the first <paramref name="hits"/> keywords were found, as a bit set in field order.</summary>
    private static int FieldsOf(IReadOnlyList<KeywordHit> keywords, int hits)
    {
        int set = 0;
        for (int i = 0; i < hits; i++)
            foreach (var f in keywords[i].Fields) set |= 1 << (int)f;
        return set;
    }

    private static string Verb(int fields, string singular, string plural) =>
        " " + (System.Numerics.BitOperations.PopCount((uint)fields) > 1 ? plural : singular);

    private static void AppendFields(StringBuilder sb, int fields)
    {
        int count = System.Numerics.BitOperations.PopCount((uint)fields), written = 0;
        for (int f = 0; f < ThesisFields.Count; f++)
        {
            if ((fields & (1 << f)) == 0) continue;
            Separator(sb, written++, count);
            sb.Append(((ThesisField)f).Portuguese());
        }
    }

    /// <summary>'a', 'b' e 'c'.</summary>
    private static void AppendQuoted(StringBuilder sb, int count, Func<int, string> item)
    {
        for (int i = 0; i < count; i++)
        {
            Separator(sb, i, count);
            sb.Append('\'').Append(item(i)).Append('\'');
        }
    }

    private static void Separator(StringBuilder sb, int index, int count)
    {
        if (index == 0) return;
        sb.Append(index == count - 1 ? " e " : ", ");
    }
}
