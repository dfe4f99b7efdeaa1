// What svcutil does first, with Mono's System.ServiceModel: download a WSDL and the XSDs it imports into a
// MetadataSet, import it with WsdlImporter and write the client with ServiceContractGenerator.
//   mono generate.exe datacontract|svcutil WSDL_URL OUT.cs
// datacontract: the DataContractSerializer importer alone; when the schemas are not data contracts it exits 1 with
// XsdDataContractImporter's reason, where svcutil would fall back to XmlSerializer. svcutil: Mono's default
// importers, as Mono's svcutil runs them (the same code). For an ASMX WSDL Mono's DataContract importer takes the
// bodies, and its WsdlImporter imports no soap:header and gives an input without wsaw:Action the Action "*".
using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.ServiceModel.Description;
using System.Xml;
using System.Xml.Schema;
using WsdlDocument = System.Web.Services.Description.ServiceDescription;

static class Generate {
  static readonly List<MetadataSection> sections = new List<MetadataSection>();
  static readonly HashSet<string> fetched = new HashSet<string>();

  static int Main(string[] args) {
    if (args.Length != 3 || (args[0] != "datacontract" && args[0] != "svcutil")) {
      Console.Error.WriteLine("usage: generate.exe datacontract|svcutil WSDL_URL OUT.cs");
      return 2;
    }
    var wsdl = WsdlDocument.Read(new XmlTextReader(args[1]));
    sections.Add(MetadataSection.CreateFromServiceDescription(wsdl));
    foreach (XmlSchema schema in wsdl.Types.Schemas) FetchImports(schema, args[1]);
    if (args[0] == "datacontract" && !DataContractsImport(wsdl)) return 1;

    var importer = new WsdlImporter(new MetadataSet(sections));
    if (args[0] == "datacontract") importer.WsdlImportExtensions.Remove<XmlSerializerMessageContractImporter>();
    var generator = new ServiceContractGenerator();
    foreach (var contract in importer.ImportAllContracts()) generator.GenerateServiceContractType(contract);
    var failed = false;
    foreach (var error in importer.Errors) { Console.Error.WriteLine(error.Message); failed |= !error.IsWarning; }
    foreach (var error in generator.Errors) { Console.Error.WriteLine(error.Message); failed |= !error.IsWarning; }
    if (failed) return 1;
    using (var writer = new StreamWriter(args[2]))
      CodeDomProvider.CreateProvider("C#").GenerateCodeFromCompileUnit(generator.TargetCompileUnit, writer, new CodeGeneratorOptions());
    return 0;
  }

  static void FetchImports(XmlSchema schema, string baseUrl) {
    foreach (XmlSchemaObject include in schema.Includes) {
      var external = include as XmlSchemaExternal;
      if (external == null || external.SchemaLocation == null) continue;
      var url = new Uri(new Uri(baseUrl), external.SchemaLocation).ToString();
      if (!fetched.Add(url)) continue;
      var imported = XmlSchema.Read(new XmlTextReader(url), null);
      sections.Add(MetadataSection.CreateFromSchema(imported));
      FetchImports(imported, url);
    }
  }

  // The check svcutil makes before it settles on DataContractSerializer, with its own words on failure.
  static bool DataContractsImport(WsdlDocument wsdl) {
    var schemas = new XmlSchemaSet { XmlResolver = null };
    foreach (XmlSchema schema in wsdl.Types.Schemas) schemas.Add(schema);
    foreach (var section in sections) { var schema = section.Metadata as XmlSchema; if (schema != null) schemas.Add(schema); }
    try {
      new XsdDataContractImporter().Import(schemas);
      return true;
    } catch (Exception refusal) {
      for (var reason = refusal; reason != null; reason = reason.InnerException)
        Console.Error.WriteLine("DataContract import refused: " + reason.Message);
      return false;
    }
  }
}
