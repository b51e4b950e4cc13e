/**
 * embed.html: one full-size <klyft-map> configured from the page's query string (the same
 * parameters as the app), for sites that embed with an iframe instead of a script.
 */
import './klyft-map';
import { parseControls, urlParamOf, VIEW_ATTRIBUTES } from './embed-view';

const element = document.querySelector('klyft-map');
if (element) {
  const params = new URLSearchParams(location.search);
  for (const name of VIEW_ATTRIBUTES) {
    const value = params.get(urlParamOf(name));
    if (value !== null) element.setAttribute(name, value);
  }
  const controls = params.get('controls');
  if (controls !== null) element.setAttribute('controls', parseControls(controls));
  element.setAttribute('data-base', new URL('data/', document.baseURI).href);
  document.documentElement.lang = params.get('lang') === 'en' ? 'en' : 'sv';
}
