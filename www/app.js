// The demo page: the package itself runs here as a keyless client of the site's signing proxy
// (www/server.mjs mounts createProxyHandler at /mi); shows the typed result or the typed error. No key is
// ever in this page: the proxy checks the session cookie, then signs on the server.
import { MediaIntelligence, isMediaIntelligenceError } from "/pkg/browser.js";

const $ = (id) => document.getElementById(id);
const LABELS = {
  workspaceName: "Name", workspaceUrl: "URL", bucketName: "Bucket", monthlyAnalysisCount: "Analyses this month",
  createdUserName: "Created by", createdTime: "Created", updatedUserName: "Updated by", updatedTime: "Updated",
};

function element(tag, { dataset = {}, ...attributes } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), attributes);
  Object.assign(node.dataset, dataset);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function log(method, path, status) {
  const list = $("log");
  list.querySelector(".empty")?.remove();
  const ok = status >= 200 && status < 300;
  list.prepend(element("li", {}, element("code", {}, `${method} ${path}`), element("span", { className: `status ${ok ? "ok" : "bad"}` }, String(status))));
}

function showResult(title, data) {
  const rows = Object.entries(LABELS).filter(([key]) => key in data).map(([key, label]) =>
    element("div", { className: "row" }, element("dt", {}, label), element("dd", { dataset: { field: key } }, data[key] === null ? "—" : String(data[key]))));
  const box = $("result");
  box.className = "card result success";
  box.replaceChildren(element("h2", {}, title), element("dl", {}, ...rows));
  box.dataset.kind = "success";
  box.hidden = false;
}

// What each kind of typed error means, in a sentence (see the README's "Errors").
const MEANING = {
  ValidationError: "Checked by the package in this page, before any request left it.",
  ApiError: "The Media Intelligence API answered with an error.",
  NetworkError: "No answer: the API could not be reached.",
  TimeoutError: "No answer within the time limit.",
  AbortError: "The request was cancelled.",
  DecodeError: "The API answered something that is not the documented shape.",
};

function showError(error) {
  const badges = [error.code, error.field && `field: ${error.field}`, error.status && `HTTP ${error.status}`]
    .filter(Boolean).map((text) => element("span", { className: "badge" }, text));
  const box = $("result");
  box.className = "card result failure";
  box.replaceChildren(element("h2", {}, error.name ?? "Error"), element("p", { className: "meaning" }, MEANING[error.name] ?? ""),
    element("p", { className: "badges" }, ...badges), element("p", { className: "message" }, error.message));
  box.dataset.kind = "error";
  box.dataset.errorName = error.name ?? "";
  box.hidden = false;
}

// Every attempt the client makes is logged here, through its `logger` option.
const mi = new MediaIntelligence({
  proxyUrl: new URL("/mi", location.href).href,
  timeoutMs: 10_000,
  logger: (r) => log(r.method, r.path, r.status ?? 0),
});

async function call(operation) {
  const buttons = document.querySelectorAll("button");
  buttons.forEach((b) => { b.disabled = true; });
  try {
    return { data: await operation() };
  } catch (e) {
    if (!isMediaIntelligenceError(e)) throw e;
    return { error: e };
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

$("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const workspaceName = $("workspaceName").value.trim();
  const bucketName = $("bucketName").value.trim();
  const { data, error } = await call(() => mi.createWorkspace({ workspaceName, bucketName: bucketName || undefined }));
  error ? showError(error) : showResult("Workspace created", data);
});

$("get").addEventListener("click", async () => {
  const { data, error } = await call(() => mi.getWorkspace($("workspaceName").value.trim()));
  error ? showError(error) : showResult("Workspace details", data);
});
