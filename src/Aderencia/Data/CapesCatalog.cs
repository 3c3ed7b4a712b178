using System.Security.Cryptography;
using System.Text;
using Aderencia.Domain;

namespace Aderencia.Data;

/// <summary>The official CAPES thesis catalogue (NM_PRODUCAO, DS_RESUMO, SG_UF_IES, ...) as productions.</summary>
public static class CapesCatalog
{
    public const string Titulo = "NM_PRODUCAO";
    public static readonly string[] Required = [Titulo];

    public static bool Recognizes(TableSchema schema) => schema.Contains(Titulo);

    public static IReadOnlyList<Production> FromTable(Table table, string path, RejectSink? rejects = null)
    {
        ChallengeDataset.RequireColumns(table.Schema, path, Required, "a CAPES catalogue file");
        if (!table.Schema.Contains("SG_UF_IES") && !table.Schema.Contains("NM_UF_IES"))
            ChallengeDataset.RequireColumns(table.Schema, path, ["SG_UF_IES"], "a CAPES catalogue file (or NM_UF_IES)");
        var result = new List<Production>(table.RowCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        RowReader.ForEach(table, path, rejects, r =>
        {
            var title = r.RequiredText(Titulo);
            var ufText = r.Text("NM_UF_IES") is { Length: > 0 } name ? name : r.Text("SG_UF_IES");
            if (ufText.Length == 0) throw new DataFormatException(path, "the thesis has no state (SG_UF_IES / NM_UF_IES)", r.Row, "SG_UF_IES");
            var id = r.Text("ID_PRODUCAO_INTELECTUAL") is { Length: > 0 } pid ? pid : StableId(title, r.Text("SG_ENTIDADE_ENSINO"), r.Text("NM_PROGRAMA"));
            if (!seen.Add(id)) return;
            result.Add(new Production
            {
                Id = id,
                Title = title,
                Uf = Ufs.Normalize(ufText),
                Abstract = r.Text("DS_RESUMO"),
                AbstractEn = r.Text("DS_ABSTRACT"),
                Keywords = r.Keywords("DS_PALAVRA_CHAVE"),
                KeywordsEn = r.Keywords("DS_KEYWORD"),
                Program = r.Text("NM_PROGRAMA"),
                Institution = r.Text("SG_ENTIDADE_ENSINO"),
                ConcentrationArea = r.Text("NM_AREA_CONCENTRACAO"),
                ResearchLine = r.Text("NM_LINHA_PESQUISA"),
                Project = r.Text("NM_PROJETO"),
                Subtype = r.Text("NM_SUBTIPO_PRODUCAO"),
                Degree = r.Text("NM_GRAU_ACADEMICO"),
                GreatArea = r.Text("NM_GRANDE_AREA_CONHECIMENTO"),
                KnowledgeArea = r.Text("NM_AREA_CONHECIMENTO"),
                Subarea = r.Text("NM_SUBAREA_CONHECIMENTO"),
                Specialty = r.Text("NM_ESPECIALIDADE"),
                DefenseDate = r.Date("DT_TITULACAO"),
            });
        });
        return result;
    }

    /// <summary>A hex id for records without ID_PRODUCAO_INTELECTUAL, stable across runs.</summary>
    public static string StableId(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(bytes);
    }
}
