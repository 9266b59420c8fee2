using CowHealth.ServiceDefaults;
using CowHealth.Simulator;
using CowHealth.Simulator.FakeApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSimulator();

var app = builder.Build();
app.MapServiceDefaults();
app.MapFakeApi();
app.Run();
