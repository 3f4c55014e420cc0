// Puts the city's 311 web chat on another site (the city's own website). Paste, with this app's address:
//
//   <script src="https://311.example.gov/site/embed.js" async></script>
//
// (ASCII only: the host page decides how this file is decoded.)
// It adds a "Report a problem" button that opens the chat in a panel (an iframe of this app's page, so the
// chat's requests stay on this app). Options, as attributes of the <script> tag:
//   data-lang="es"             the chat's language (default: the host page's <html lang>, else the browser's)
//   data-target="element-id"   show the chat inside that element instead of behind a button
//   data-label="..."             the button's text
// The host site's origin must be listed in DirectLine:AllowedOrigins, or the browser refuses to show the frame.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script) { return; }
  const base = new URL('../', script.src);
  const lang = (script.dataset.lang || document.documentElement.lang || navigator.language || 'en').slice(0, 2).toLowerCase();
  const spanish = lang === 'es';
  const src = new URL('./?embed=1&lang=' + encodeURIComponent(lang), base).href;
  const title = spanish ? 'Chat del 311 de la ciudad' : 'City 311 chat';

  function frame() {
    const iframe = document.createElement('iframe');
    iframe.src = src;
    iframe.title = title;
    iframe.allow = 'clipboard-write';
    iframe.style.cssText = 'border:0;width:100%;height:100%;display:block;background:#fff';
    return iframe;
  }

  function mount() {
    const target = script.dataset.target && document.getElementById(script.dataset.target);
    if (target) {
      if (!target.style.height) { target.style.minHeight = '560px'; }
      target.appendChild(frame());
      return;
    }

    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = script.dataset.label || (spanish ? 'Reportar un problema \u00b7 311' : 'Report a problem \u00b7 311');
    button.setAttribute('aria-expanded', 'false');
    button.style.cssText = 'position:fixed;right:1rem;bottom:1rem;z-index:2147483000;padding:.75rem 1.1rem;border:0;'
      + 'border-radius:2rem;background:#1b4f72;color:#fff;font:600 1rem/1.2 sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer';
    const panel = document.createElement('div');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', title);
    panel.hidden = true;
    panel.style.cssText = 'position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(26rem,calc(100vw - 2rem));'
      + 'height:min(40rem,calc(100vh - 6rem));border-radius:.75rem;overflow:hidden;box-shadow:0 4px 24px rgba(0,0,0,.35);background:#fff';
    button.addEventListener('click', () => {
      if (!panel.firstChild) { panel.appendChild(frame()); }
      panel.hidden = !panel.hidden;
      button.setAttribute('aria-expanded', String(!panel.hidden));
    });
    document.body.appendChild(panel);
    document.body.appendChild(button);
  }

  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
