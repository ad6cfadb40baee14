/** Non-member sockets that follow a conversation (visitors of a live chat) join this room. */
export const conversationRoom = (conversationId: number) => `conversation:${conversationId}`;
