/* global document */
// The back office works without this script; it only brings the keyboard focus to what an action answered
// (the notice at the top of the file page), so that a screen reader and a keyboard user start from there.
(() => {
  const notice = document.querySelector('.bo-notice');
  if (!notice) return;
  notice.setAttribute('tabindex', '-1');
  notice.focus();
})();
