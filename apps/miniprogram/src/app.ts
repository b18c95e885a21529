import type { PropsWithChildren } from 'react';
import { BRAND_CSS_VARS } from './config/brand';
import { isH5 } from './config/platform';
import { registerPrivacyHandler } from './services/privacy.service';
import './app.css';

registerPrivacyHandler();

// In the browser NutUI's popups and dialogs render outside the page: give the whole document the brand's variables.
if (isH5() && typeof document !== 'undefined') {
  for (const [name, value] of Object.entries(BRAND_CSS_VARS)) document.documentElement.style.setProperty(name, value);
}

function App({ children }: PropsWithChildren) {
  // Each page checks the session itself: the share pages must open without one.
  return children;
}

export default App;
