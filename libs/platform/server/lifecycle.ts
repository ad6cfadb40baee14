/**
 * What a module does when an administrator switches it on or off at run time. A module declares one in
 * `@PlatformModule({ lifecycle: MyLifecycle })`; the host finds it there and never names the module.
 * Every method is optional: the defaults say nothing and do nothing.
 */
export abstract class ModuleLifecycle {
  /**
   * What disabling would stop right now, one sentence each for the confirmation dialog in Apps
   * (e.g. "3 live chats in progress will end"). Called only while the module is enabled.
   */
  describeDisable(): Promise<string[]> {
    return Promise.resolve([]);
  }

  /**
   * Runs once the module is disabled, in the process that disabled it: its routes already answer 404 and
   * its socket events are refused (so nothing new starts), while its emits still reach clients. Ends what
   * is in progress and tells the people concerned; the data stays.
   */
  onDisable(): Promise<void> {
    return Promise.resolve();
  }

  /** Runs once the module is enabled again (after its dependencies), in the process that enabled it. */
  onEnable(): Promise<void> {
    return Promise.resolve();
  }
}
