using RangeScheduler.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddRangeScheduler();

var app = builder.Build();
app.MapRangeScheduler();
app.Run();
