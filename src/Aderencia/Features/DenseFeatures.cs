namespace Aderencia.Features;

/// <summary>
/// The dense pair features: tf-idf similarities per field, keyword evidence, BM25, how this theme ranks among
/// all themes of the state for this thesis, and a few sizes. Names and Portuguese descriptions feed reports
/// and justifications.
/// </summary>
public static class DenseFeatures
{
    public static readonly (string Name, string Description)[] All = Build();

    public static int Count => All.Length;

    public const int CosAll = 15, Bm25 = 16, KwExactFrac = 17, KwExactCount = 18, KwPartialMean = 19, KwTitle = 20,
        KwKeywords = 21, KwAbstract = 22, KwContext = 23, KwEnglish = 24, KwAbstractTf = 25, KwFirstPos = 26,
        NameCoverage = 27, GapToBest = 28, RankInUf = 29, IsBest = 30, RatioToBest = 31, GapToMean = 32,
        UfMatch = 33, AbstractLength = 34, KeywordCountLog = 35, KwMultiWord = 36, TitlePartialMax = 37;

    private static (string, string)[] Build()
    {
        var list = new List<(string, string)>();
        foreach (ThesisField f in Enum.GetValues<ThesisField>())
        {
            list.Add(($"cos_{f}_name".ToLowerInvariant(), $"semelhança entre {f.Portuguese()} e o nome do tema"));
            list.Add(($"cos_{f}_keywords".ToLowerInvariant(), $"semelhança entre {f.Portuguese()} e as palavras-chave do tema"));
        }
        foreach (ThesisField f in Enum.GetValues<ThesisField>())
            list.Add(($"coverage_{f}".ToLowerInvariant(), $"parte dos termos do tema presentes em {f.Portuguese()}"));
        list.AddRange([
            ("cos_all", "semelhança geral entre o trabalho e o tema"),
            ("bm25", "relevância BM25 dos termos do tema no trabalho"),
            ("kw_exact_frac", "parte das palavras-chave do tema encontradas no trabalho"),
            ("kw_exact_count", "número de palavras-chave do tema encontradas"),
            ("kw_partial_mean", "presença parcial das palavras-chave do tema"),
            ("kw_title", "palavras-chave do tema no título"),
            ("kw_keywords", "palavras-chave do tema entre as palavras-chave do trabalho"),
            ("kw_abstract", "palavras-chave do tema no resumo"),
            ("kw_context", "palavras-chave do tema no programa ou linha de pesquisa"),
            ("kw_english", "palavras-chave do tema no resumo em inglês"),
            ("kw_abstract_tf", "frequência das palavras-chave do tema no resumo"),
            ("kw_first_pos", "quão cedo o resumo menciona o tema"),
            ("name_coverage", "termos do nome do tema presentes no trabalho"),
            ("gap_to_best", "distância para o tema mais próximo do trabalho no estado"),
            ("rank_in_uf", "posição do tema entre os temas do estado para este trabalho"),
            ("is_best", "é o tema do estado mais próximo do trabalho"),
            ("ratio_to_best", "semelhança relativa ao tema mais próximo"),
            ("gap_to_mean", "semelhança acima da média dos temas do estado"),
            ("uf_match", "o trabalho é do estado que definiu o tema"),
            ("abstract_length", "tamanho do resumo"),
            ("keyword_count", "número de palavras-chave do trabalho"),
            ("kw_multiword", "palavras-chave compostas do tema encontradas por inteiro"),
            ("title_partial_max", "maior presença parcial de uma palavra-chave do tema no título"),
        ]);
        return [.. list];
    }

    /// <summary>Writes the raw (unscaled) features of one pair.</summary>
    public static void Compute(ThesisProfile thesis, ThemeProfile theme, KeywordEvidence kw, UfScores uf, float avgDocLength, IdfTable idf, Span<float> x)
    {
        int i = 0;
        for (int f = 0; f < ThesisFields.Count; f++)
        {
            x[i++] = thesis.Vectors[f].Cosine(theme.NameVector);
            x[i++] = thesis.Vectors[f].Cosine(theme.KeywordVector);
        }
        var all = theme.KeywordTerms.Length > 0 ? theme.KeywordTerms : theme.NameTerms;
        for (int f = 0; f < ThesisFields.Count; f++)
            x[i++] = SortedTerms.Coverage(all, thesis.FieldTerms[f]);
        float cos = thesis.AllVector.Cosine(theme.AllVector);
        x[CosAll] = cos;
        x[Bm25] = Bm25Score(thesis, theme, avgDocLength, idf);
        int found = 0, total = 0, multi = 0, abstractTf = 0;
        float partial = 0, titlePartial = 0;
        int firstAbstract = int.MaxValue;
        for (int k = 0; k < kw.KeywordCount; k++)
        {
            if (theme.Keywords[k].Count == 0) continue;
            total++;
            partial += kw.Partial(k);
            if (kw.Found(k))
            {
                found++;
                if (theme.Keywords[k].Count > 1) multi++;
            }
            abstractTf += kw.Count(k, ThesisField.Abstract);
            int fa = kw.FirstAt(k, ThesisField.Abstract);
            if (fa >= 0) firstAbstract = Math.Min(firstAbstract, fa);
            titlePartial = Math.Max(titlePartial, PhraseCoverage(theme.Keywords[k].Terms, thesis.FieldTerms[(int)ThesisField.Title]));
        }
        x[KwExactFrac] = total == 0 ? 0 : (float)found / total;
        x[KwExactCount] = MathF.Log(1 + found);
        x[KwPartialMean] = total == 0 ? 0 : partial / total;
        x[KwTitle] = MathF.Log(1 + kw.FoundIn(ThesisField.Title));
        x[KwKeywords] = MathF.Log(1 + kw.FoundIn(ThesisField.Keywords));
        x[KwAbstract] = MathF.Log(1 + kw.FoundIn(ThesisField.Abstract));
        x[KwContext] = MathF.Log(1 + kw.FoundIn(ThesisField.Context));
        x[KwEnglish] = MathF.Log(1 + kw.FoundIn(ThesisField.English));
        x[KwAbstractTf] = MathF.Log(1 + abstractTf);
        int absLen = thesis[ThesisField.Abstract].Count;
        x[KwFirstPos] = firstAbstract == int.MaxValue || absLen == 0 ? 0 : 1 - (float)firstAbstract / absLen;
        x[NameCoverage] = SortedTerms.Coverage(theme.NameTerms, thesis.AllTerms);
        x[GapToBest] = cos - uf.Best;
        x[RankInUf] = uf.Count <= 1 ? 0 : (float)uf.RankOf(cos) / (uf.Count - 1);
        x[IsBest] = cos >= uf.Best ? 1 : 0;
        x[RatioToBest] = uf.Best <= 0 ? 0 : cos / uf.Best;
        x[GapToMean] = cos - uf.Mean;
        x[UfMatch] = thesis.Production.Uf == theme.Theme.Uf ? 1 : 0;
        x[AbstractLength] = MathF.Log(1 + absLen);
        x[KeywordCountLog] = MathF.Log(1 + thesis.Production.Keywords.Count);
        x[KwMultiWord] = MathF.Log(1 + multi);
        x[TitlePartialMax] = titlePartial;
    }

    /// <summary>Share of a phrase's terms (repeats counted) found in the ascending set <paramref name="present"/>.</summary>
    private static float PhraseCoverage(ReadOnlySpan<uint> terms, ReadOnlySpan<uint> present)
    {
        if (terms.IsEmpty || present.IsEmpty) return 0;
        int n = 0;
        foreach (var t in terms) if (SortedTerms.Contains(present, t)) n++;
        return (float)n / terms.Length;
    }

    /// <summary>Okapi BM25 (k1 = 1.2, b = 0.75) of the theme's terms over the whole thesis.</summary>
    private static float Bm25Score(ThesisProfile thesis, ThemeProfile theme, float avgDocLength, IdfTable idf)
    {
        const float k1 = 1.2f, b = 0.75f;
        int len = thesis.TotalTerms;
        if (len == 0) return 0;
        float norm = k1 * (1 - b + b * len / Math.Max(1, avgDocLength));
        float score = 0;
        foreach (var q in theme.QueryTerms)
        {
            int tf = thesis.CountOf(q);
            if (tf == 0) continue;
            score += idf[q] * tf * (k1 + 1) / (tf + norm);
        }
        return MathF.Log(1 + score);
    }
}

/// <summary>Similarities of one thesis to every theme of a state, to place one theme among its peers.</summary>
public readonly struct UfScores
{
    private readonly float[] _sorted;

    public UfScores(float[] scores)
    {
        _sorted = [.. scores];
        Array.Sort(_sorted);
        Best = _sorted.Length == 0 ? 0 : _sorted[^1];
        Mean = _sorted.Length == 0 ? 0 : _sorted.Average();
    }

    public float Best { get; }
    public float Mean { get; }
    public int Count => _sorted?.Length ?? 0;

    /// <summary>0 for the best, Count-1 for the worst.</summary>
    public int RankOf(float score)
    {
        int above = 0;
        for (int i = _sorted.Length - 1; i >= 0 && _sorted[i] > score; i--) above++;
        return above;
    }
}
