using System.Collections.Frozen;

namespace Aderencia.Text;

/// <summary>
/// Stopword lookup over lower-case, accent-folded tokens ("nao", "voce", "the"), allocation-free through
/// a FrozenSet alternate lookup on ReadOnlySpan&lt;char&gt;.
/// </summary>
public sealed class Stopwords
{
    private const string PortugueseWords =
        "a ao aos aquela aquelas aquele aqueles aquilo as ate com como da das de dela delas dele deles depois do dos " +
        "e ela elas ele eles em entre era eram eramos essa essas esse esses esta estas este estes estou eu " +
        "esteja estejam estejamos estava estavam estavamos esteve estive estivemos estiver estivera estiveram " +
        "estiveramos estiverem estivermos estivesse estivessem estivessemos estamos estao eu foi fomos for fora foram " +
        "foramos forem formos fosse fossem fossemos fui ha haja hajam hajamos hao havemos haver hei houve houvemos " +
        "houver houvera houveram houveramos houverao houverei houverem houveremos houveria houveriam houveriamos " +
        "houvermos houvesse houvessem houvessemos isso isto ja lhe lhes mais mas me mesmo meu meus minha minhas " +
        "muito na nao nas nem no nos nossa nossas nosso nossos num numa o os ou para pela pelas pelo pelos por qual " +
        "quando que quem sao se seja sejam sejamos sem ser sera serao serei seremos seria seriam seriamos sou sua " +
        "suas somos seu seus so tambem te tem temos tenha tenham tenhamos tenho terao terei teremos teria teriam " +
        "teriamos teu teus teve tinha tinham tinhamos tive tivemos tiver tivera tiveram tiveramos tiverem tivermos " +
        "tivesse tivessem tivessemos tu tua tuas um uma voce voces vos esta estas sobre apos ainda onde assim " +
        "cada tanto quanto pois porque toda todas todo todos outra outras outro outros bem ser sendo sido via";

    private const string EnglishWords =
        "a about above after again against all am an and any are as at be because been before being below between " +
        "both but by can could did do does doing down during each few for from further had has have having he her " +
        "here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not " +
        "now of off on once only or other our ours ourselves out over own same she should so some such than that " +
        "the their theirs them themselves then there these they this those through to too under until up very was " +
        "we were what when where which while who whom why will with would you your yours yourself yourselves " +
        "also however thus within among using used based";

    private const string CatalogueWords =
        "tese teses dissertacao dissertacoes estudo estudos pesquisa pesquisas analise analises objetivo " +
        "objetivos resultado resultados metodologia partir forma sobre presente thesis dissertation study studies " +
        "research analysis aim results paper apresento apresenta apresentam trabalho trabalhos baseado baseada associado " +
        "associada associacao area areas superior primeira primeiro utilizando utilizado utilizados utilizadas mil ano anos " +
        "periodo foram sendo ainda apenas quanto grande maior menor principais principal capitulo capitulos";

    /// <summary>Portuguese and English, the default for catalogue text.</summary>
    public static readonly Stopwords Default = new(StopwordLists.PortugueseAndEnglish);

    private readonly FrozenSet<string> _set;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Stopwords(StopwordLists lists)
    {
        var words = new List<string>();
        if ((lists & StopwordLists.Portuguese) != 0) words.AddRange(Split(PortugueseWords));
        if ((lists & StopwordLists.English) != 0) words.AddRange(Split(EnglishWords));
        if ((lists & StopwordLists.Catalogue) != 0) words.AddRange(Split(CatalogueWords));
        Lists = lists;
        _set = words.ToFrozenSet(StringComparer.Ordinal);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lists this instance holds.</summary>
    public StopwordLists Lists { get; }

    /// <summary>Number of distinct stopwords.</summary>
    public int Count => _set.Count;

    /// <summary>True when <paramref name="foldedToken"/> (lower-case, accent-folded) is a stopword.</summary>
    public bool Contains(ReadOnlySpan<char> foldedToken) => _lookup.Contains(foldedToken);

    private static string[] Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
