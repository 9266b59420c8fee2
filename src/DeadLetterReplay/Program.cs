using CowHealth.DeadLetterReplay;

return await ReplayCommand.Create().Parse(args).InvokeAsync();
