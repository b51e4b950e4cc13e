// Unit tests read English strings synchronously, as the app does once English has loaded.
import { loadLanguage } from '../src/i18n';

await loadLanguage('en');
