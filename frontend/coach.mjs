// The quality coach as the author pauses. Without JavaScript the findings and the list of
// sentences (each with its kind and source) come with each save or "Check my writing"; with
// it, the text is sent for checking 1.2 seconds after typing stops. Both are built with
// textContent only: the author's words are never treated as markup.
const PAUSE_MS = 1200;

function finding(item) {
  const li = document.createElement("li");
  li.className = `cpconf-coach__finding cpconf-coach__finding--${item.severity}`;
  const tag = document.createElement("strong");
  tag.className = `govuk-tag ${item.severity === "warning" ? "govuk-tag--orange" : "govuk-tag--grey"}`;
  tag.textContent = item.severity.charAt(0).toUpperCase() + item.severity.slice(1);
  const quote = document.createElement("p");
  quote.className = "govuk-body-s cpconf-preserve";
  const mark = document.createElement("mark");
  mark.textContent = item.words;
  quote.append(item.before, mark, item.after);
  const message = document.createElement("p");
  message.className = "govuk-body-s";
  message.textContent = item.message;
  li.append(tag, quote, message);
  if (item.suggestion) {
    const suggestion = document.createElement("p");
    suggestion.className = "govuk-body-s govuk-hint";
    // The suggestion is a whole sentence already ("Try: seemed, …"): no prefix of our own.
    suggestion.textContent = item.suggestion;
    li.append(suggestion);
  }
  return li;
}

function sentence(item) {
  const li = document.createElement("li");
  li.className = "cpconf-coach__sentence";
  const tag = document.createElement("strong");
  tag.className = `govuk-tag ${item.tag}`;
  tag.textContent = item.kind_label;
  const source = document.createElement("span");
  source.className = "govuk-body-s cpconf-coach__source";
  source.textContent = ` Source: ${item.source_label}`;
  const text = document.createElement("p");
  text.className = "govuk-body cpconf-preserve cpconf-coach__sentence-text";
  text.textContent = item.text;
  li.append(tag, source, text);
  if (item.why) {
    const why = document.createElement("p");
    why.className = "govuk-body-s govuk-hint";
    why.textContent = item.why;
    li.append(why);
  }
  return li;
}

export function enableCoach(panel) {
  const textarea = document.querySelector("form[data-autosave] textarea[name=text]");
  const csrf = document.querySelector("form[data-autosave] input[name=csrfmiddlewaretoken]");
  if (!textarea || !csrf) return;
  const list = panel.querySelector(".cpconf-coach__findings");
  const reading = panel.querySelector(".cpconf-coach__reading");
  const sentences = document.querySelector(".cpconf-coach__sentences");
  const noSentences = document.querySelector(".cpconf-coach__sentences-empty");
  let timer = null;

  async function check() {
    const body = new FormData();
    body.append("text", textarea.value);
    body.append("csrfmiddlewaretoken", csrf.value);
    const response = await fetch(panel.dataset.coachUrl, {
      method: "POST",
      body,
      credentials: "same-origin",
    }).catch(() => null);
    if (!response || !response.ok) return;
    const result = await response.json();
    reading.textContent = `${result.reading.words} words · reading age about ${result.reading.reading_age}`;
    list.replaceChildren(...result.findings.map(finding));
    if (!result.findings.length) {
      const none = document.createElement("li");
      none.className = "govuk-body-s";
      none.textContent = "Nothing to suggest.";
      list.append(none);
    }
    if (sentences && result.sentences) {
      sentences.replaceChildren(...result.sentences.map(sentence));
      if (noSentences) noSentences.hidden = result.sentences.length > 0;
    }
  }

  textarea.addEventListener("input", () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, PAUSE_MS);
  });
}

for (const panel of document.querySelectorAll(".cpconf-coach[data-coach-url]")) {
  enableCoach(panel);
}
