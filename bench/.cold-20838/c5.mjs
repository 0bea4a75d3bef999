import "@azure/ai-agents";
