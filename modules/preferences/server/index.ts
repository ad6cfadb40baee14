import { PlatformModule } from '@lc/platform/server';
import { PreferencesController } from './preferences.controller';

/** The user's own profile settings; other modules add fields on the web side through the `preferences` slot. */
@PlatformModule({ controllers: [PreferencesController] })
export default class PreferencesModule {}
