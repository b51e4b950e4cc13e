import './components/klyft-app';
