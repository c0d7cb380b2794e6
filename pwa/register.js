// Offline support (README.md, "Offline use and updates"): registers ./sw.js once the page is
// drawn (the window event 'ttc-drawn', fired by the deferred module: src/handover.rs), or a
// minute after 'load' if that never comes (the page could not load its modules; a shorter
// wait would fall within a slow network's start-up). Its install downloads and caches the
// build: registered at 'load', which comes before the first result, it took the processor and
// the network from the start-up (the first result painted about 30 ms later on a 2-core
// machine, ARCHITECTURE.md).
// When a new release waits: window.ttcUpdateReady = true + window event 'ttc-update-ready'.
// The page answers with the window event 'ttc-apply-update'; once the new release controls
// the page, it reloads. Never throws, never logs an error.
(function () {
  var sw = navigator.serviceWorker, p = location.protocol;
  if (!sw || (p !== 'https:' && p !== 'http:')) return;
  var reg, waiting, hadController = !!sw.controller, reloading = false, checked = Date.now();

  function ready(worker) {
    if (worker === waiting) return;
    waiting = worker;
    window.ttcUpdateReady = true;
    window.dispatchEvent(new CustomEvent('ttc-update-ready'));
  }
  // A new worker is an update only if one already controls the page.
  function track(worker) {
    if (worker) worker.addEventListener('statechange', function () {
      if (worker.state === 'installed' && sw.controller) ready(worker);
    });
  }
  function quiet(err) {
    console.info('Offline support: ' + ((err && err.message) || err));
  }

  window.addEventListener('ttc-apply-update', function () {
    var worker = (reg && reg.waiting) || waiting;
    if (worker) worker.postMessage({ type: 'skip-waiting' });
  });
  // The first install takes control without a reload; any later controller is a new release.
  sw.addEventListener('controllerchange', function () {
    if (!hadController) hadController = true;
    else if (!reloading) { reloading = true; location.reload(); }
  });
  // A window left open for hours looks for a release when shown again.
  document.addEventListener('visibilitychange', function () {
    if (reg && document.visibilityState === 'visible' && Date.now() - checked > 36e5) {
      checked = Date.now();
      reg.update().catch(quiet);
    }
  });

  function register() {
    sw.register('./sw.js', { scope: './' }).then(function (r) {
      reg = r;
      if (r.waiting && sw.controller) ready(r.waiting);
      track(r.installing);
      r.addEventListener('updatefound', function () { track(r.installing); });
    }).catch(quiet);
  }
  var registered = false;
  function once() {
    if (!registered) { registered = true; register(); }
  }
  function later() { setTimeout(once, 6e4); }
  window.addEventListener('ttc-drawn', once);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later);
})();
