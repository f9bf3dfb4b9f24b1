export { createTool, getTool, listTools, removeTool, updateTool } from "./tools";
export { runTool } from "./run-tool";
export { disableToolWebhook, receiveToolWebhook, rotateToolWebhook, TOOL_WEBHOOK_SECRET_PREFIX } from "./tool-webhook";
