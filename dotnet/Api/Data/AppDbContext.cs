using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BffReference.Api.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<RefreshFamily> RefreshFamilies => Set<RefreshFamily>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<RevokedSession> RevokedSessions => Set<RevokedSession>();
    public DbSet<UploadGrant> UploadGrants => Set<UploadGrant>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<ClientCounter> ClientCounters => Set<ClientCounter>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC. SQLite stores DateTime as text without a kind, so
        // say so on the way out; otherwise JSON would lose the trailing Z. On the
        // way in, Npgsql refuses any kind but Utc for PostgreSQL's timestamptz.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<GoalStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(account =>
        {
            account.HasIndex(a => a.Email).IsUnique();
            account.HasIndex(a => a.LastUsedAt);
            account.HasIndex(a => new { a.RegisteredFrom, a.LastUsedAt });
            account.Property(a => a.RegisteredFrom).HasMaxLength(64);
            account.Property(a => a.Name).HasMaxLength(100);
            account.Property(a => a.Email).HasMaxLength(254);
            // Deleting an account (eviction) takes its goals and sessions with it, in the database.
            account.HasMany(a => a.Goals).WithOne().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Cascade);
            account.HasMany<RefreshFamily>().WithOne().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Goal>(goal =>
        {
            goal.HasIndex(g => new { g.AccountId, g.CreatedAt });
            goal.Property(g => g.Title).HasMaxLength(200);
            goal.Property(g => g.Description).HasMaxLength(2000);
        });

        modelBuilder.Entity<UploadGrant>(grant =>
        {
            grant.HasKey(g => g.TokenHash);
            grant.HasIndex(g => g.ExpiresAt);
            grant.Property(g => g.FileName).HasMaxLength(255);
            grant.Property(g => g.ContentType).HasMaxLength(64);
            // An evicted account or a deleted goal takes its grants with it.
            grant.HasOne<Goal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Attachment>(attachment =>
        {
            attachment.HasIndex(a => new { a.GoalId, a.CreatedAt });
            attachment.HasIndex(a => a.AccountId);
            attachment.Property(a => a.FileName).HasMaxLength(255);
            attachment.Property(a => a.ContentType).HasMaxLength(64);
            // The rows go with the goal (and so with the account); AttachmentStorage removes the files.
            attachment.HasOne<Goal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RefreshFamily>(family =>
        {
            family.HasIndex(f => f.CreatedAt);
            family.HasMany(f => f.Tokens).WithOne(t => t.Family).HasForeignKey(t => t.FamilyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RefreshToken>(token =>
        {
            token.HasKey(t => t.Hash);
            token.HasIndex(t => new { t.FamilyId, t.Generation });
            token.HasIndex(t => t.OverlapUntil);
        });

        modelBuilder.Entity<ClientCounter>(counter =>
        {
            counter.HasKey(c => c.Key);
            counter.Property(c => c.Key).HasMaxLength(64);
            counter.HasIndex(c => c.ExpiresAt);
        });

        modelBuilder.Entity<RevokedSession>(revoked =>
        {
            revoked.HasKey(r => r.FamilyId);
            revoked.HasIndex(r => r.ForgetAt);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
