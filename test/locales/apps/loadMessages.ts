// An app that picks its language at run time: every table must be a chunk of its own, none in the entry.
import { loadMessages } from '../../../src/index.js';

void loadMessages(navigator.languages).then(({ locale, dir, messages }) => {
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  document.title = messages['signIn.title'];
});
