// 批量导入: send the chosen timeline files one at a time and report on each.
(function () {
  "use strict";

  const form = document.getElementById("import-form");
  if (!form) return;
  const input = document.getElementById("import-files");
  const button = document.getElementById("import-start");
  const bar = document.getElementById("import-progress");
  const count = document.getElementById("import-count");
  const summary = document.getElementById("import-summary");
  const tbody = document.querySelector("#import-results tbody");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const url = form.dataset.fileUrl;
  const maxBytes = Number(form.dataset.maxBytes);
  const maxMb = form.dataset.maxMb;

  function failure(file, error) {
    return { file: file.name, ok: false, error: error };
  }

  async function send(file) {
    if (file.size > maxBytes) {
      const mb = (file.size / 1048576).toFixed(1);
      return failure(file, "文件 " + file.name + " 大小为 " + mb + " MB，超过 " + maxMb + " MB 的上限，未导入。");
    }
    const body = new FormData();
    body.append("file", file, file.name);
    let response;
    try {
      response = await fetch(url, {
        method: "POST",
        body: body,
        headers: { "X-CSRFToken": token, Accept: "application/json" },
        credentials: "same-origin",
      });
    } catch (err) {
      return failure(file, "网络错误，文件未送达服务器：" + err.message);
    }
    const type = response.headers.get("Content-Type") || "";
    if (response.redirected || !type.includes("application/json")) {
      const why = response.redirected ? "登录已失效，请重新登录后再导入" : "服务器出错";
      return failure(file, why + "（HTTP " + response.status + "）。");
    }
    return response.json();
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function outcome(result) {
    if (!result.ok) return ["失败", "tag red"];
    return result.changed ? ["已导入", "tag green"] : ["未变化", "tag"];
  }

  function addRow(result) {
    const row = tbody.insertRow();
    row.className = result.ok ? "ok" : "failed";
    cell(row, result.file);
    const [label, tag] = outcome(result);
    const span = document.createElement("span");
    span.className = tag;
    span.textContent = label;
    row.insertCell().appendChild(span);
    const caseCell = row.insertCell();
    caseCell.className = "nowrap";
    if (result.url) {
      const a = document.createElement("a");
      a.href = result.url;
      a.textContent = result.case;
      caseCell.appendChild(a);
    } else {
      caseCell.textContent = result.case || "—";
    }
    cell(row, result.ok ? String(result.events_added) : "—", "num");
    if (result.ok) {
      const notes = (result.warnings || []).map((w) => "提示：" + w).join("\n");
      cell(row, notes || (result.changed ? "" : "已存储，无新增内容。"), "message note");
    } else {
      cell(row, result.error, "message");
    }
  }

  function progress(done, total) {
    bar.max = Math.max(total, 1);
    bar.value = done;
    bar.textContent = done + "/" + total;
    count.textContent = "已处理 " + done + "/" + total;
  }

  function summarize(results) {
    const n = (label) => results.filter((r) => outcome(r)[0] === label).length;
    summary.textContent =
      "导入完成：已导入 " + n("已导入") + " 个，未变化 " + n("未变化") + " 个，失败 " + n("失败") + " 个。";
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const files = Array.from(input.files);
    if (files.length === 0) {
      count.textContent = "请先选择要导入的文件。";
      input.focus();
      return;
    }
    button.disabled = true;
    input.disabled = true;
    tbody.replaceChildren();
    summary.textContent = "";
    progress(0, files.length);
    const results = [];
    for (const [i, file] of files.entries()) {
      let result;
      try {
        result = await send(file);
      } catch (err) {
        result = failure(file, "处理失败：" + err.message);
      }
      results.push(result);
      addRow(result);
      progress(i + 1, files.length);
    }
    summarize(results);
    button.disabled = false;
    input.disabled = false;
    input.value = "";
  });
})();
