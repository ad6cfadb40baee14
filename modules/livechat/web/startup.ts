// What the shell loads for this module as soon as a user is signed in, as ONE chunk: one request and one
// compressed file instead of one per piece (index.ts imports each from here).
export { TeamworkActions } from './teamwork/teamwork-actions.service';
export { EndConversationAction } from './end-conversation.action';
export { HelpRequestsStore } from './teamwork/help-requests.store';
export { TeamworkDialogsComponent } from './teamwork/teamwork-dialogs.component';
export { HelpRequestsComponent } from './teamwork/help-requests.component';
