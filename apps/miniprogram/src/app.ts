import type { PropsWithChildren } from 'react';
import './app.css';

function App({ children }: PropsWithChildren) {
  // Each page checks the session itself: the landing page must open without one.
  return children;
}

export default App;
