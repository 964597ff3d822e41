namespace BffReference.Api.Data;

public sealed class Goal
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public GoalStatus Status { get; set; }
    public int Progress { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum GoalStatus
{
    Active,
    Completed,
}
