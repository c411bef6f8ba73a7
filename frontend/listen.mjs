// Read aloud, as progressive enhancement: the listening page is a plain page a screen reader
// reads from the top. Where the browser can speak (the Web Speech API's speechSynthesis), the
// Listen, Pause and Stop buttons appear and read the page's report aloud, a paragraph at a
// time so that Pause and Stop answer at once, in the page's language.

const control = document.querySelector("[data-cpconf-listen]");
const canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;

if (control && canSpeak) {
  const target = document.getElementById(control.dataset.target);
  const status = control.querySelector("[data-listen-status]");
  const button = (action) => control.querySelector(`[data-listen-action="${action}"]`);
  const speech = window.speechSynthesis;
  let queue = [];
  let playing = false;

  const show = (state) => {
    status.textContent = status.dataset[state] || "";
    button("pause").disabled = state !== "playing";
    button("stop").disabled = state !== "playing" && state !== "paused";
  };

  const speakNext = () => {
    const block = queue.shift();
    if (!block) {
      playing = false;
      show("finished");
      return;
    }
    const utterance = new SpeechSynthesisUtterance(block.textContent.trim());
    utterance.lang = target.lang || document.documentElement.lang || "en-GB";
    utterance.rate = 0.9; // a little slower than the default, for listening to a report
    utterance.onend = () => {
      if (playing) speakNext();
    };
    utterance.onerror = (event) => {
      // Pause and Stop cancel or interrupt on purpose; anything else means no voice to use.
      if (event.error === "interrupted" || event.error === "canceled") return;
      playing = false;
      queue = [];
      show("failed");
    };
    speech.speak(utterance);
  };

  button("play").addEventListener("click", () => {
    if (speech.paused) {
      speech.resume();
    } else {
      speech.cancel();
      queue = Array.from(target.querySelectorAll("h2, p, li")).filter((b) => b.textContent.trim());
      playing = true;
      speakNext();
    }
    playing = true;
    show("playing");
  });
  button("pause").addEventListener("click", () => {
    speech.pause();
    show("paused");
  });
  button("stop").addEventListener("click", () => {
    playing = false;
    queue = [];
    speech.cancel();
    show("stopped");
  });
  window.addEventListener("pagehide", () => speech.cancel());
  control.hidden = false;
}
