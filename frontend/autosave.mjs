// Autosave for report sections. Without JavaScript the Save button does everything; with it,
// the draft also saves itself a few seconds after typing stops and when the page is left.
// A save that finds the section changed elsewhere stops autosaving and tells the author to
// press Save, which shows both versions: nothing is overwritten silently. A save that finds
// the report signed (or the record finalised) meanwhile stops too, and says so.
const DELAY_MS = 3000;

function formBody(form) {
  const body = new FormData(form);
  body.delete("completed"); // an autosave never marks a section completed
  body.delete("stock_answer");
  return body;
}

export function enableAutosave(form) {
  const status = form.querySelector(".cpconf-autosave-status");
  const revision = form.querySelector("input[name=revision]");
  let timer = null;
  let dirty = false;
  let stopped = false;

  const say = (text) => {
    if (status) status.textContent = text;
  };

  async function save() {
    timer = null;
    if (!dirty || stopped) return;
    dirty = false;
    const response = await fetch(form.action, {
      method: "POST",
      body: formBody(form),
      headers: { "X-CPCONF-AUTOSAVE": "1" },
      credentials: "same-origin",
    }).catch(() => null);
    if (response === null) {
      dirty = true;
      say("Not saved: no connection. Your text is still here; press Save when you are back online.");
      return;
    }
    const result = await response.json().catch(() => ({}));
    if (response.ok && result.saved) {
      revision.value = result.revision;
      say(`Draft saved at ${result.saved_at}`);
    } else if (response.status === 409 && result.not_editable) {
      stopped = true; // signed or finalised meanwhile: the text stays on the page, unsaved
      say(result.message);
    } else if (response.status === 409) {
      stopped = true;
      say("This section was saved in another tab or window. Press Save to compare the two versions and choose.");
    } else {
      say("Not saved automatically: press Save to see what needs correcting.");
    }
  }

  form.addEventListener("input", () => {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });

  // Leaving the page: send what is unsaved without waiting for an answer.
  const flush = () => {
    if (!dirty || stopped) return;
    dirty = false;
    const body = formBody(form);
    body.append("autosave", "1");
    navigator.sendBeacon(form.action, body);
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  form.addEventListener("submit", () => {
    stopped = true; // the full save takes over
    if (timer) clearTimeout(timer);
  });
}

for (const form of document.querySelectorAll("form[data-autosave]")) {
  enableAutosave(form);
}
