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
    public static string Write(AdherenceLevel level, PairEvidence e)
    {
        var sb = new StringBuilder(level.Label()).Append(": ");
        var hits = e.Keywords.Take(3).ToList();
        switch (level)
        {
            case AdherenceLevel.Alta:
                if (hits.Count > 0)
                    sb.Append(Capitalize(Fields(hits))).Append(Verb(hits)).Append(" de ").Append(Quoted(hits.Select(h => h.Keyword)))
                      .Append(", ").Append(hits.Count > 1 ? "termos centrais" : "termo central").Append(" do tema '").Append(e.ThemeName).Append("'.");
                else if (e.TermsFor.Count > 0)
                    sb.Append("o trabalho trata de ").Append(Quoted(e.TermsFor.Select(t => t.Surface)))
                      .Append(", assunto próximo do tema '").Append(e.ThemeName).Append("'.");
                else
                    sb.Append("o texto do trabalho é muito semelhante ao do tema '").Append(e.ThemeName).Append("'.");
                AppendSupport(sb, e, hits.Count > 0);
                break;
            case AdherenceLevel.Media:
                sb.Append("há ligação parcial com o tema '").Append(e.ThemeName).Append('\'');
                if (hits.Count > 0)
                    sb.Append(": ").Append(Fields(hits)).Append(Verb(hits, "menciona", "mencionam")).Append(' ').Append(Quoted(hits.Select(h => h.Keyword)));
                else if (e.TermsFor.Count > 0)
                    sb.Append(": o trabalho cita ").Append(Quoted(e.TermsFor.Select(t => t.Surface)));
                if (e.MissingKeywords.Count > 0)
                    sb.Append(", mas ").Append(Quoted(e.MissingKeywords.Take(2))).Append(e.MissingKeywords.Count > 1 ? " não aparecem" : " não aparece");
                sb.Append('.');
                AppendAgainst(sb, e);
                break;
            default:
                if (hits.Count == 0)
                    sb.Append("nenhuma palavra-chave do tema '").Append(e.ThemeName).Append("' aparece no trabalho");
                else
                    sb.Append("apenas ").Append(Quoted(hits.Select(h => h.Keyword))).Append(" em comum com o tema '").Append(e.ThemeName)
                      .Append("', de forma secundária");
                if (e.TermsFor.Count > 0)
                    sb.Append("; o foco está em ").Append(Quoted(e.TermsFor.Select(t => t.Surface)));
                sb.Append('.');
                break;
        }
        return sb.ToString();
    }

    private static void AppendSupport(StringBuilder sb, PairEvidence e, bool citedKeywords)
    {
        var extra = e.TermsFor.Where(t => !citedKeywords || !e.Keywords.Any(h => h.Keyword.Contains(t.Surface, StringComparison.OrdinalIgnoreCase))).Take(2).ToList();
        if (extra.Count > 0)
            sb.Append(" Também pesam ").Append(Quoted(extra.Select(t => t.Surface))).Append(' ').Append(extra[0].Field.InPortuguese()).Append('.');
        else if (e.SignalsFor.Count > 0)
            sb.Append(" Pesa a favor: ").Append(e.SignalsFor[0].Description).Append('.');
    }

    private static void AppendAgainst(StringBuilder sb, PairEvidence e)
    {
        if (e.TermsAgainst.Count > 0)
            sb.Append(" Pesam contra: ").Append(Quoted(e.TermsAgainst.Take(2).Select(t => t.Surface))).Append('.');
    }

    private static string Fields(IEnumerable<KeywordHit> hits)
    {
        var fields = hits.SelectMany(h => h.Fields).Distinct().OrderBy(f => f).Select(f => f.Portuguese()).ToList();
        return JoinPt(fields);
    }

    private static string Verb(IEnumerable<KeywordHit> hits, string singular = "trata", string plural = "tratam") =>
        " " + (hits.SelectMany(h => h.Fields).Distinct().Count() > 1 ? plural : singular);

    private static string Quoted(IEnumerable<string> items) => JoinPt(items.Select(i => $"'{i}'").ToList());

    private static string JoinPt(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " e " + items[^1],
    };

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
