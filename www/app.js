// The demo page: sends the form to the page's own server (www/server.mjs), which calls Media Intelligence
// through the package; shows the typed result or the typed error. No key is ever in this page.
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
  ValidationError: "Checked by the package on the server, before any request to the API.",
  ApiError: "The Media Intelligence API answered with an error.",
  NetworkError: "No answer: the API could not be reached.",
  TimeoutError: "No answer within the time limit.",
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

async function call(method, path, body) {
  const buttons = document.querySelectorAll("button");
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const res = await fetch(path, { method, headers: body ? { "content-type": "application/json" } : {}, body: body && JSON.stringify(body) });
    log(method, path, res.status);
    const data = await res.json();
    return res.ok ? { data } : { error: data.error };
  } catch (e) {
    return { error: { name: "NetworkError", message: `the demo server did not answer: ${e.message}` } };
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

$("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const workspaceName = $("workspaceName").value.trim();
  const bucketName = $("bucketName").value.trim();
  const { data, error } = await call("POST", "/api/workspaces", { workspaceName, bucketName: bucketName || undefined });
  error ? showError(error) : showResult("Workspace created", data);
});

$("get").addEventListener("click", async () => {
  const name = $("workspaceName").value.trim();
  const { data, error } = await call("GET", `/api/workspaces/${encodeURIComponent(name)}`);
  error ? showError(error) : showResult("Workspace details", data);
});
