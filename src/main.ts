import './components/klyft-app';
import './components/klyft-offline-status';
import { registerServiceWorker } from './offline/register-sw';

// After load, so precaching the app and its data never competes with the first map.
if (document.readyState === 'complete') void registerServiceWorker();
else window.addEventListener('load', () => void registerServiceWorker(), { once: true });
