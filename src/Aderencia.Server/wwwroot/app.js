"use strict";
// Plain script, no build step: fills the UF list, posts the form to /v1/map and renders the ranked themes.
const $ = (id) => document.getElementById(id);
const LABEL = { ALTA: "ALTA", MEDIA: "MÉDIA", BAIXA: "BAIXA" };

function headers() {
  const h = { "Content-Type": "application/json" };
  const key = $("apikey").value.trim();
  if (key) h["X-Api-Key"] = key;
  return h;
}

async function problemText(res) {
  try { const p = await res.json(); return p.detail || p.title || res.statusText; } catch { return res.statusText; }
}

async function loadUfs() {
  const select = $("uf");
  try {
    const res = await fetch("/v1/ufs", { headers: headers() });
    if (!res.ok) throw new Error(await problemText(res));
    const ufs = (await res.json()).filter((u) => u.temas > 0);
    select.replaceChildren(new Option("— escolha —", ""), ...ufs.map((u) => new Option(`${u.uf} (${u.sigla}) — ${u.temas} temas`, u.sigla)));
  } catch (e) {
    select.replaceChildren(new Option("não foi possível carregar", ""));
    setStatus(`Erro ao carregar os estados: ${e.message}`, true);
  }
}

function setStatus(text, error = false) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("error", error);
}

const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

// Marks every occurrence of the cited words in the text, matching without case or accents.
function highlight(container, text, terms) {
  const folded = fold(text);
  const spans = [];
  for (const term of terms) {
    const t = fold(term.trim());
    if (t.length < 3) continue;
    for (let i = folded.indexOf(t); i >= 0; i = folded.indexOf(t, i + t.length)) {
      const before = i === 0 || !/[\p{L}\p{N}]/u.test(folded[i - 1]);
      const after = i + t.length >= folded.length || !/[\p{L}\p{N}]/u.test(folded[i + t.length]);
      if (before && after) spans.push([i, i + t.length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const nodes = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (s < at) continue;
    nodes.push(document.createTextNode(text.slice(at, s)));
    const m = document.createElement("mark");
    m.textContent = text.slice(s, e);
    nodes.push(m);
    at = e;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  container.replaceChildren(...nodes);
  return spans.length;
}

function render(result, abstract) {
  const body = $("results").querySelector("tbody");
  body.replaceChildren(...result.temas.map((t) => {
    const tr = document.createElement("tr");
    const cells = [String(t.rank), t.tema, "", `B ${t.prob_baixa.toFixed(2)} · M ${t.prob_media.toFixed(2)} · A ${t.prob_alta.toFixed(2)}`, t.justificativa || ""];
    cells.forEach((c, i) => { const td = document.createElement("td"); td.textContent = c; tr.append(td); });
    const badge = document.createElement("span");
    badge.className = `badge ${t.nivel}`;
    badge.textContent = LABEL[t.nivel] || t.nivel;
    tr.children[2].append(badge);
    tr.children[3].className = "probs";
    return tr;
  }));
  $("results").hidden = false;
  const terms = [...new Set(result.temas.filter((t) => t.nivel !== "BAIXA").flatMap((t) => t.evidencias ? t.evidencias.destaques : []))];
  const marked = abstract ? highlight($("abstract-view"), abstract, terms) : 0;
  $("highlighted").hidden = !abstract;
  const best = result.temas[0];
  setStatus(`${result.temas.length} temas de ${result.uf} avaliados; o mais aderente: “${best.tema}” (${LABEL[best.nivel]}). ${marked} trecho(s) do resumo destacado(s).`);
}

async function submit(event) {
  event.preventDefault();
  const form = $("thesis");
  const thesis = Object.fromEntries([...new FormData(form)].filter(([, v]) => String(v).trim() !== ""));
  if (!thesis.nome_producao || !thesis.uf_pesquisador || (!thesis.descricao_resumo && !thesis.descricao_palavra_chave)) {
    setStatus("Informe o título, o estado e o resumo ou as palavras-chave.", true);
    return;
  }
  const button = $("submit");
  button.disabled = true;
  setStatus("Avaliando…");
  try {
    const res = await fetch("/v1/map", { method: "POST", headers: headers(), body: JSON.stringify(thesis) });
    if (!res.ok) throw new Error(await problemText(res));
    render(await res.json(), thesis.descricao_resumo || "");
  } catch (e) {
    setStatus(`Erro: ${e.message}`, true);
  } finally {
    button.disabled = false;
  }
}

$("thesis").addEventListener("submit", submit);
loadUfs();
