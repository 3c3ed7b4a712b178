#!/usr/bin/python3
"""Generates tests/fixtures/text/portuguese_stems.tsv: (word, stem) pairs from NLTK's independent
implementation of the Snowball Portuguese stemmer (Debian python3-nltk), for every distinct lower-case
word in the Portuguese text fields of the LEANDL sample plus a list of tricky words.

Run from the repository root:  /usr/bin/python3 tools/text/make_stems.py
"""
import json
import re
import sys
import unicodedata

from nltk.stem.snowball import PortugueseStemmer

SAMPLE = "/work/shared/data/leandl-sample/leandl_sample_dados.jsonl"
OUT = "tests/fixtures/text/portuguese_stems.tsv"
FIELDS = ["tema", "palavras_chave", "nome_programa", "nome_producao", "nome_area_concentracao",
          "nome_linha_pesquisa", "nome_projeto", "descricao_palavra_chave", "descricao_resumo",
          "nome_area_conhecimento", "nome_subarea_conhecimento", "nome_especialidade"]

# Words that exercise each rule of the algorithm (regions, step 1 sub-rules, step 2, residuals, nasal vowels).
TRICKY = """
a á à ã é o e ão õe ç çã
abrangência acelera abordagem abordagens abolição ação ações acha achei abraçada acareação abdômen
aborrecidíssima abrasador acompanhante aconselhável abertamente acessível acessórios aceitação
cadeira cadeiras feira brasileira brasileiras bandeira ira iras
biologia biologias tecnologia tecnológica tecnológicos ecologia arqueologias
solução soluções evolução revolucionário
frequência frequências ciência ciências existência
rapidamente felizmente lentamente efetivamente relativamente ativamente notadamente generosamente
comumente totalmente naturalmente novamente provavelmente possivelmente amavelmente
abundantemente
felicidade felicidades possibilidade estabilidade habilidade especificidade atividade atividades
produtividade criatividade
ativa ativo ativas ativos administrativo comparativa informativa
beleza belezas riqueza
público pública políticas histórico
capitalismo turismo turismos
agradável incrível possível viável
jornalista jornalistas
famoso famosa famosos famosas
casamento casamentos crescimento conhecimentos
trabalhadora trabalhador trabalhadoras trabalhadores
organização organizações educação educações
importante importantes relevância
falaria falaram falaremos falássemos falávamos falaríamos comeríeis partiríeis fizésseis
cantáveis cantáreis venderíamos andasse andassem
amam amavam comeram partiram
falou comeu partiu
dança danças
índio índios
ingênuo
cachorrinho
logística
ensino pesquisa extensão
regiões região
amazônia amazônica amazônico
castanha brasil floresta florestal florestais manejo
agronegócio agroindústria sustentabilidade
pecuária inovação
indústria
verde
inteligência artificial
aplica aplicação aplicações aplicado aplicada
desenvolvimento desenvolvimentos sustentável sustentáveis
""".split()


def words_of(text):
    return re.findall(r"[^\W\d_]+", text.lower())


def main():
    words = set(TRICKY)
    with open(SAMPLE, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            for field in FIELDS:
                value = row.get(field)
                if isinstance(value, list):
                    value = " ".join(value)
                if isinstance(value, str):
                    words.update(words_of(unicodedata.normalize("NFC", value)))
    stemmer = PortugueseStemmer()
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        for w in sorted(words):
            out.write(f"{w}\t{stemmer.stem(w)}\n")
    print(f"{len(words)} words -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
