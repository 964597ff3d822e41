namespace BffReference.Api.Data;

/// <summary>
/// Thirty goals (three pages at the default page size) with both statuses and
/// distinct creation dates, so pagination and filtering have something to
/// show. The same titles and spread as the mock's seed-goals.ts.
/// </summary>
public static class SeedGoals
{
    private static readonly string[] Titles =
    [
        "Read \"Designing Data-Intensive Applications\"", "Run a 10 km race", "Learn 500 Spanish words",
        "Ship the side project", "Cook one new recipe a week", "Meditate ten minutes a day",
        "Write a blog post every month", "Finish the TypeScript course", "Save for an emergency fund",
        "Swim 1 km without stopping", "Read twelve novels this year", "Learn to play \"Clair de Lune\"",
        "Declutter the garage", "Contribute to an open-source project", "Sleep before 23:00 on weekdays",
        "Hike the coastal trail", "Take a photography class", "Call grandparents every Sunday",
        "Build a bookshelf", "Get the cloud certification", "Plant a vegetable garden",
        "Learn the basics of sign language", "Cycle to work twice a week", "Try rock climbing",
        "Refactor the home server setup", "Visit three new museums", "Drink two litres of water a day",
        "Volunteer at the food bank", "Learn to juggle three balls", "Practise touch typing to 80 wpm",
    ];

    public static IEnumerable<Goal> For(Guid accountId, DateTime now) => Titles.Select((title, index) =>
    {
        var completed = index % 3 == 1;
        var createdAt = now - TimeSpan.FromDays(index * 3 + 1) - TimeSpan.FromSeconds(index * 7919 % 86_400);
        var updatedAt = Min(now, createdAt + TimeSpan.FromDays(index % 5 + 1));
        return new Goal
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Title = title,
            Description = completed ? "Done, and worth it." : $"Step {index % 4 + 1} of the plan is next.",
            Status = completed ? GoalStatus.Completed : GoalStatus.Active,
            Progress = completed ? 100 : index * 13 % 100,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    });

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
