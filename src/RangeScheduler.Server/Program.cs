using RangeScheduler.Server.Hosting;

var builder = RangeSchedulerHosting.CreateBuilder(args);
builder.AddRangeScheduler();

var app = builder.Build();
app.MapRangeScheduler();
app.Run();
