import './localize-global'; // first
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { startInLanguage } from './app/i18n/start-in-language';

// The user's language is loaded before anything renders ($localize texts are read once, at render).
startInLanguage()
  .then((start) => bootstrapApplication(AppComponent, appConfig(start)))
  .catch((error) => console.error(error));
