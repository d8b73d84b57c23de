using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Classroom.Web.Data.Migrations
{
    /// <summary>
    /// Empty on purpose. The three migrations before it were written by hand and build exactly this
    /// model (SchemaTests proves it); this generated migration only brings the model snapshot, so
    /// from here on `dotnet ef migrations add` works as usual and databases made before it keep every row.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
