// Progressive enhancement only: every page works before (and without) this script.
import { initAll } from "/static/govuk/govuk-frontend.min.js";
import { initAll as initMoj } from "/static/moj/moj-frontend.min.js";
import "/static/cpconf/autosave.mjs";
import "/static/cpconf/coach.mjs";
import "/static/cpconf/listen.mjs";

document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
initAll();
initMoj();
