using Aderencia.Domain;

namespace Aderencia.Data;

/// <summary>Theses for mapping, from a challenge-schema file (one per hash_id) or the CAPES catalogue schema.</summary>
public static class ThesisSource
{
    public static IReadOnlyList<Production> Load(string path, RejectSink? rejects = null)
    {
        var table = TableFiles.ReadAll(path, rejects: rejects);
        return FromTable(table, path, rejects);
    }

    public static IReadOnlyList<Production> FromTable(Table table, string path, RejectSink? rejects = null)
    {
        if (CapesCatalog.Recognizes(table.Schema)) return CapesCatalog.FromTable(table, path, rejects);
        ChallengeDataset.RequireColumns(table.Schema, path, [ChallengeColumns.HashId, ChallengeColumns.Titulo],
            "theses (challenge schema: hash_id, nome_producao, uf_pesquisador, ...; or CAPES: NM_PRODUCAO, SG_UF_IES, ...)");
        var result = new List<Production>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        RowReader.ForEach(table, path, rejects, r =>
        {
            var id = r.RequiredText(ChallengeColumns.HashId);
            if (!seen.Add(id)) return;
            result.Add(ChallengeDataset.ReadProduction(r, id));
        });
        return result;
    }
}
