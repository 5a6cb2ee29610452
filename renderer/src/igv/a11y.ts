import i18n from '../i18n';

const CONTROLS = 'input:not([type="hidden"]), select, textarea';

type Scope = Element | ShadowRoot;

const hasName = (el: Element, scope: Scope): boolean =>
  el.hasAttribute('aria-label') ||
  el.hasAttribute('aria-labelledby') ||
  (el.id !== '' && scope.querySelector(`label[for="${CSS.escape(el.id)}"]`) !== null) ||
  el.closest('label') !== null;

/** A name for one of igv's own controls, from what igv gives it (title, placeholder, name). */
function nameFor(el: Element): string {
  if (el.getAttribute('name') === 'chromosome-select-widget')
    return i18n.t('genomeBrowser.a11y.chromosome');
  const hint =
    el.getAttribute('title') ?? el.getAttribute('placeholder') ?? el.getAttribute('name');
  return hint !== null && hint.trim() !== '' ? hint : i18n.t('genomeBrowser.a11y.igvControl');
}

function labelWithin(scope: Scope): void {
  for (const el of scope.querySelectorAll(CONTROLS)) {
    if (!hasName(el, scope)) el.setAttribute('aria-label', nameFor(el));
  }
}

/**
 * igv.js builds its own controls (chromosome picker, track-height inputs, dialogs) without labels;
 * name them as they appear so keyboard and screen-reader users can use them (axe: label, select-name).
 * Returns the function that stops watching.
 */
export function labelIgvControls(root: Element): () => void {
  // igv 3 renders into a shadow root on its host element.
  const scope: Scope = root.shadowRoot ?? root;
  labelWithin(scope);
  const observer = new MutationObserver(() => {
    labelWithin(scope);
  });
  observer.observe(scope, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
  };
}
