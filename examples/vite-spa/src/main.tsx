import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { CognitoProvider } from 'cognito-react';
import 'cognito-react/styles.css';
import './index.css';
import { App } from './App.tsx';
import { auth } from './auth.ts';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CognitoProvider auth={auth}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </CognitoProvider>
  </StrictMode>,
);
